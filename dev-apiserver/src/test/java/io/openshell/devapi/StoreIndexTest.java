package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import org.junit.jupiter.api.Test;

class StoreIndexTest {
  private final StoreIndex index = new StoreIndex();

  private static AttributeSet key(String plural, String namespace, String name) {
    return new AttributeSet(
        new Attribute("plural", plural),
        new Attribute("namespace", namespace),
        new Attribute("name", name));
  }

  @Test
  void aQueryByPluralAndNameSeesOnlyThatBucketInStoreOrder() {
    AttributeSet a = key("configmaps", "ns1", "cm");
    AttributeSet b = key("configmaps", "ns2", "cm");
    index.stored(a);
    index.stored(b);
    index.stored(key("configmaps", "ns1", "other"));

    assertThat(index.candidates(key("configmaps", "ns1", "cm"))).hasValue(java.util.List.of(a, b));
  }

  @Test
  void aRestoredKeyMovesToTheEndAsInTheMocksLinkedMap() {
    AttributeSet a = key("configmaps", "ns1", "cm");
    AttributeSet b = key("configmaps", "ns2", "cm");
    index.stored(a);
    index.stored(b);
    index.removed(a);
    index.stored(a);

    assertThat(index.candidates(a)).hasValue(java.util.List.of(b, a));
  }

  @Test
  void anUnknownNameHasNoCandidates() {
    index.stored(key("sandboxes", "ns", "a"));

    assertThat(index.candidates(key("sandboxes", "ns", "b"))).hasValue(java.util.List.of());
  }

  @Test
  void aQueryWithoutNameOrWithAWildcardCannotBeAnsweredByTheIndex() {
    assertThat(index.candidates(new AttributeSet(new Attribute("plural", "sandboxes")))).isEmpty();
    assertThat(index.candidates(key("sandboxes", "ns", "*"))).isEmpty();
    assertThat(
            index.candidates(
                new AttributeSet(
                    new Attribute("plural", "sandboxes"),
                    new Attribute("name", "", AttributeType.EXISTS))))
        .isEmpty();
  }

  @Test
  void aStoredKeyWithoutPluralMakesEveryLookupScan() {
    AttributeSet odd = new AttributeSet(new Attribute("name", "x"));
    index.stored(odd);
    assertThat(index.candidates(key("sandboxes", "ns", "x"))).isEmpty();

    index.removed(odd);
    assertThat(index.candidates(key("sandboxes", "ns", "x"))).isPresent();
  }
}
