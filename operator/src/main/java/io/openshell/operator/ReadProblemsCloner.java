package io.openshell.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.Cloner;
import io.openshell.crds.read.ReadableSpec;

/**
 * JOSDK's cloner (a JSON round trip) plus the read problems of the spec. JOSDK hands the reconciler
 * a clone of the cached primary; the round trip drops the never-serialized {@link
 * ReadableSpec#getReadProblems()}, and the clone of an unreadable object would look readable (the
 * unreadable fields were already removed).
 */
final class ReadProblemsCloner implements Cloner {
  private final KubernetesClient client;

  ReadProblemsCloner(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public <R extends HasMetadata> R clone(R object) {
    R copy = client.getKubernetesSerialization().clone(object);
    if (object instanceof CustomResource<?, ?> original
        && original.getSpec() instanceof ReadableSpec spec
        && !spec.isReadable()
        && copy instanceof CustomResource<?, ?> cloned
        && cloned.getSpec() instanceof ReadableSpec clonedSpec) {
      clonedSpec.setReadProblems(spec.getReadProblems());
    }
    return copy;
  }
}
