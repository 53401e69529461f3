package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.client.CustomResource;
import io.openshell.crds.read.ReadableSpec;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.compose.ProviderTypeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of a sandbox's composition that must not be used: ones holding values this version cannot
 * read (the settings, an attached provider or its profile; a composition over a partly read input
 * could drop a global policy or a credential rule) and a provider whose type was changed (the type
 * is immutable). The composition is refused instead (the ConfigMap keeps its last good policy) with
 * one violation naming the object and the field.
 */
final class UnusableInputs {
  private UnusableInputs() {}

  static List<Violation> of(Sandbox sandbox, SandboxLookups lookups) {
    List<Violation> found = new ArrayList<>();
    lookups.settings().ifPresent(s -> add(found, "settings 'cluster'", s));
    String namespace = sandbox.getMetadata().getNamespace();
    for (String name : SandboxInputsResolver.attachedProviders(sandbox)) {
      Optional<Provider> provider = lookups.provider(namespace, name);
      provider.ifPresent(p -> add(found, "provider '" + name + "'", p));
      provider.flatMap(UnusableInputs::typeChange).ifPresent(found::add);
      provider
          .flatMap(ProviderIndexes::profileId)
          .flatMap(
              id ->
                  lookups.profiles().stream()
                      .filter(pp -> id.equals(pp.getMetadata().getName()))
                      .findFirst())
          .ifPresent(pp -> add(found, "provider profile '" + pp.getMetadata().getName() + "'", pp));
    }
    return found;
  }

  private static Optional<Violation> typeChange(Provider provider) {
    var annotations = provider.getMetadata().getAnnotations();
    String recorded = annotations == null ? null : annotations.get(Labels.PROVIDER_TYPE);
    String type = provider.getSpec() == null ? null : provider.getSpec().getType();
    return ProviderTypeChange.check(provider.getMetadata().getName(), recorded, type);
  }

  private static void add(
      List<Violation> found, String what, CustomResource<? extends ReadableSpec, ?> object) {
    ReadableSpec spec = object.getSpec();
    if (spec != null && !spec.isReadable()) {
      found.add(
          Violation.error(
              ViolationCode.PARSE_ERROR,
              spec.getReadProblems().get(0).path(),
              what + " cannot be read (" + spec.readProblemsText() + "); last good policy kept"));
    }
  }
}
