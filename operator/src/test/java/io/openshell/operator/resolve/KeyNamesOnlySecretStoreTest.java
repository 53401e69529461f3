package io.openshell.operator.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.operator.TestObjects;
import org.junit.jupiter.api.Test;

class KeyNamesOnlySecretStoreTest {
  @Test
  void storedSecretKeepsKeyNamesAndVersionButNoValues() {
    KeyNamesOnlySecretStore store = new KeyNamesOnlySecretStore();
    Secret secret = TestObjects.secret("a", "creds", "GITHUB_TOKEN");
    secret.setStringData(new java.util.HashMap<>(java.util.Map.of("GH_TOKEN", "ghp_real")));

    store.put(store.getKey(secret), secret);
    Secret cached = store.get("a/creds");

    assertThat(cached.getData()).containsOnlyKeys("GITHUB_TOKEN").containsValue("");
    assertThat(cached.getStringData()).containsExactlyEntriesOf(java.util.Map.of("GH_TOKEN", ""));
    assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("9");
    assertThat(cached.toString()).doesNotContain("ghp_real").doesNotContain("c2VjcmV0");
  }
}
