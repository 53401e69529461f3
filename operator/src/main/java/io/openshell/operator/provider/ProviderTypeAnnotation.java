package io.openshell.operator.provider;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.operator.Labels;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.ProviderTypeChange;
import java.util.Optional;

/**
 * The type a provider was first reconciled with, kept in the annotation {@link
 * Labels#PROVIDER_TYPE}. The type is immutable (CRD CEL, webhook); where neither runs, a change is
 * reported and the last good status and every sandbox's last good policy stay (bad-input L2).
 */
final class ProviderTypeAnnotation {
  private ProviderTypeAnnotation() {}

  /** Records the type when none is recorded yet; the violation when it has changed since. */
  static Optional<Violation> check(Provider provider, KubernetesClient client) {
    String type = provider.getSpec() == null ? null : provider.getSpec().getType();
    var annotations = provider.getMetadata().getAnnotations();
    String recorded = annotations == null ? null : annotations.get(Labels.PROVIDER_TYPE);
    if (recorded == null && type != null) {
      client
          .resources(Provider.class)
          .inNamespace(provider.getMetadata().getNamespace())
          .withName(provider.getMetadata().getName())
          .edit(
              p -> {
                var updated = new java.util.LinkedHashMap<String, String>();
                if (p.getMetadata().getAnnotations() != null) {
                  updated.putAll(p.getMetadata().getAnnotations());
                }
                updated.put(Labels.PROVIDER_TYPE, type);
                p.getMetadata().setAnnotations(updated);
                return p;
              });
    }
    return ProviderTypeChange.check(provider.getMetadata().getName(), recorded, type);
  }
}
