package io.openshell.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.openshell.crds.v1alpha1.Provider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecChangeFilterTest {
  private final SpecChangeFilter filter = new SpecChangeFilter();

  @Test
  void aStatusOnlyUpdateIsIgnored() {
    assertThat(filter.accept(provider(1, "8", Map.of()), provider(1, "7", Map.of()))).isFalse();
  }

  @Test
  void aSpecChangeIsLetThrough() {
    assertThat(filter.accept(provider(2, "8", Map.of()), provider(1, "7", Map.of()))).isTrue();
  }

  @Test
  void aLabelChangeIsLetThrough() {
    assertThat(filter.accept(provider(1, "8", Map.of("a", "b")), provider(1, "7", Map.of())))
        .isTrue();
  }

  @Test
  void theStartOfADeletionIsLetThrough() {
    Provider deleting = provider(1, "8", Map.of());
    deleting.getMetadata().setDeletionTimestamp("2026-11-23T12:00:00Z");

    assertThat(filter.accept(deleting, provider(1, "7", Map.of()))).isTrue();
  }

  private static Provider provider(long generation, String rv, Map<String, String> labels) {
    Provider p = new Provider();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName("p")
            .withGeneration(generation)
            .withResourceVersion(rv)
            .withLabels(labels)
            .build());
    return p;
  }
}
