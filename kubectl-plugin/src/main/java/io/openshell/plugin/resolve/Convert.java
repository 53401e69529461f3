package io.openshell.plugin.resolve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.convert.PolicyConverter;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.ProviderProfileSpec;
import io.openshell.crds.v1alpha1.SandboxPolicySpec;
import io.openshell.plugin.kube.Kinds;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plugin's bridge between the resources it reads as generic JSON and policy-core's records,
 * through the typed CR classes and the shared converter of the {@code crds} module.
 */
public final class Convert {
  private Convert() {}

  /**
   * A {@code ProviderProfile} resource as a policy-core profile: id = {@code metadata.name},
   * annotations = {@code metadata.annotations}, resource version = {@code metadata.generation}.
   */
  public static ProviderProfile profile(GenericKubernetesResource cr) {
    ProviderProfileSpec spec =
        Serialization.jsonMapper()
            .convertValue(cr.getAdditionalProperties().get("spec"), ProviderProfileSpec.class);
    Map<String, String> annotations =
        cr.getMetadata().getAnnotations() == null
            ? Map.of()
            : new LinkedHashMap<>(cr.getMetadata().getAnnotations());
    Long generation = cr.getMetadata().getGeneration();
    return ProfileConverter.toModel(
        cr.getMetadata().getName(),
        annotations,
        spec == null ? new ProviderProfileSpec() : spec,
        generation == null ? 0 : generation);
  }

  /** The {@code ProviderProfile} manifest for a profile (no status, no server-set metadata). */
  public static GenericKubernetesResource profileResource(ProviderProfile p) {
    GenericKubernetesResource r =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(Kinds.API_VERSION)
            .withKind("ProviderProfile")
            .withNewMetadata()
            .withName(p.id())
            .withAnnotations(p.annotations().isEmpty() ? null : new LinkedHashMap<>(p.annotations()))
            .endMetadata()
            .build();
    r.setAdditionalProperty("spec", toMap(ProfileConverter.toSpec(p)));
    return r;
  }

  /** A {@code spec.policy} / {@code spec.globalPolicy} value as a policy-core policy. */
  public static SandboxPolicy policy(Object specPolicy) {
    return PolicyConverter.toModel(
        Serialization.jsonMapper().convertValue(specPolicy, SandboxPolicySpec.class));
  }

  /** A policy-core policy as the CR's camelCase {@code spec.policy} value. */
  public static Map<String, Object> policySpec(SandboxPolicy policy) {
    return toMap(PolicyConverter.toSpec(policy));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(Object typed) {
    return Serialization.jsonMapper().convertValue(typed, LinkedHashMap.class);
  }
}
