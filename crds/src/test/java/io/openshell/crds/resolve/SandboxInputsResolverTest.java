package io.openshell.crds.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolution rules over plain objects in memory, plus what only a fixed object set can pin. */
class SandboxInputsResolverTest extends SandboxResolutionRules {
  @Override
  protected SandboxLookups lookups(List<HasMetadata> objects) {
    return new InMemorySandboxLookups(objects);
  }

  @Test
  void theRecordRevisionIsProviderUidAndGenerationThenTheSecretVersion() {
    var resolved =
        resolve(
            sandbox("gh") + provider("gh", "github", "gh-creds") + secret("gh-creds", true, "T"));

    assertThat(resolved.inputs().providerRecords().get("gh").revision()).isEqualTo("uid-gh:1/9");
  }

  @Test
  void aCustomProfileEntryCarriesTheObjectGeneration() {
    var resolved =
        resolve(sandbox() + customProfile("my-api", "").replace("generation: 1", "generation: 3"));

    assertThat(resolved.inputs().catalog().get("my-api").orElseThrow().generation()).isEqualTo(3);
  }
}
