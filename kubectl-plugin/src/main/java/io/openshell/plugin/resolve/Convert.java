package io.openshell.plugin.resolve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.crds.convert.Conversion;
import io.openshell.crds.convert.PolicyConverter;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.SandboxPolicySpec;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.KubeJson;
import io.openshell.policy.Violation;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.SandboxPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plugin's bridge between the resources it reads as generic JSON and policy-core's records,
 * through the typed CR classes and the shared converter of the {@code crds} module.
 */
public final class Convert {
  private Convert() {}

  /**
   * A {@code ProviderProfile} resource as a policy-core profile (id = {@code metadata.name},
   * resource version = {@code metadata.generation}, none for built-ins), with what the conversion
   * found.
   */
  public static Conversion<ProviderProfile> profile(GenericKubernetesResource cr) {
    return ProfileConverter.toModel(
        KubeJson.MAPPING.convertValue(cr, io.openshell.crds.v1alpha1.ProviderProfile.class));
  }

  /** The {@code ProviderProfile} manifest for a profile (no status, no server-set metadata). */
  public static GenericKubernetesResource profileResource(ProviderProfile p) {
    io.openshell.crds.v1alpha1.ProviderProfile cr = ProfileConverter.toResource(p).value();
    GenericKubernetesResource r =
        KubeJson.MAPPING.convertValue(cr, GenericKubernetesResource.class);
    r.getAdditionalProperties().remove("status");
    return r;
  }

  /**
   * A {@code spec.policy} / {@code spec.globalPolicy} value as a policy-core policy; a value the
   * model cannot hold is refused with {@code what} as the first line.
   */
  public static SandboxPolicy policy(Object specPolicy, String what) {
    Conversion<SandboxPolicy> c =
        PolicyConverter.toModel(KubeJson.MAPPING.convertValue(specPolicy, SandboxPolicySpec.class));
    if (c.hasErrors()) {
      throw new Refused(what, messages(c));
    }
    return c.value();
  }

  /** A policy-core policy as the CR's camelCase {@code spec.policy} value. */
  public static Map<String, Object> policySpec(SandboxPolicy policy) {
    return toMap(PolicyConverter.toSpec(policy).value());
  }

  /** The error messages of a conversion, one per line, with their field paths. */
  public static String messages(Conversion<?> c) {
    return c.violations().stream()
        .filter(Violation::isError)
        .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
        .collect(Collectors.joining("\n"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(Object typed) {
    return KubeJson.MAPPING.convertValue(typed, LinkedHashMap.class);
  }
}
