package io.openshell.crds.resolve;

import io.openshell.crds.convert.Conversion;
import io.openshell.crds.convert.PolicyConverter;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.policy.Violation;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a Sandbox and the objects it references (providers, their Secrets' key names, profiles,
 * settings) into one immutable {@link SandboxInputs}. Reads through {@link SandboxLookups} only;
 * never writes. The operator, the admission webhook and the kubectl plugin all resolve here, so
 * their checks cannot disagree on what a sandbox's inputs are.
 *
 * <p>The rules, in one place:
 *
 * <ul>
 *   <li>{@code spec.providers} is a set: duplicates are composed once, in stored order.
 *   <li>An attached name with no Provider object is listed in {@link
 *       ResolvedSandbox#missingProviders} and has no record (composition reports it not found).
 *   <li>A provider being deleted is still attached (its finalizer waits for the detach), so it
 *       keeps contributing until it is gone.
 *   <li>A provider's credential keys are the key names of its credentials Secret as {@link
 *       SandboxLookups#credentialsSecret} returns them; a Secret that is missing, unreadable or
 *       unlabelled gives no keys. There is no fallback to {@code status.credentialKeys}.
 *   <li>A provider whose type names no profile in the catalog is listed in {@link
 *       ResolvedSandbox#profilelessProviders} (OpenShell accepts it; it contributes no layer).
 *   <li>The catalog is {@link ProfileCatalogs#of}: built-ins by name, profiles being deleted left
 *       out.
 *   <li>A value that cannot be converted (policy, global policy, provider expiry) is an error in
 *       {@link ResolvedSandbox#conversionErrors}; the composition must be rejected with it.
 * </ul>
 */
public final class SandboxInputsResolver {
  private final Clock clock;

  public SandboxInputsResolver(Clock clock) {
    this.clock = clock;
  }

  /** The inputs of {@code sandbox} as the caches see them now. */
  public ResolvedSandbox resolve(Sandbox sandbox, SandboxLookups lookups) {
    String namespace = sandbox.getMetadata().getNamespace();
    List<String> names = attachedProviders(sandbox);
    ProfileCatalog catalog = ProfileCatalogs.of(lookups.profiles());

    List<Violation> errors = new ArrayList<>();
    Map<String, ProviderRecord> records = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> profileless = new ArrayList<>();
    for (String name : names) {
      var provider = lookups.provider(namespace, name);
      if (provider.isEmpty()) {
        missing.add(name);
        continue;
      }
      // A provider being deleted is still attached (its finalizer waits for the detach), so it
      // keeps contributing until it is gone.
      var secret =
          ProviderRecords.secretName(provider.get())
              .flatMap(s -> lookups.credentialsSecret(namespace, s));
      ProviderRecord record = accept(ProviderRecords.of(provider.get(), secret), errors);
      records.put(name, record);
      if (catalog.forProviderType(record.type()).isEmpty()) {
        profileless.add(name);
      }
    }

    Settings settings = settings(lookups.settings(), errors);
    SandboxInputs inputs =
        new SandboxInputs(
            namespace,
            sandbox.getMetadata().getName(),
            policy(sandbox, errors),
            names,
            records,
            catalog,
            settings,
            clock.instant());
    return new ResolvedSandbox(inputs, missing, profileless, settings.generation(), errors);
  }

  /** The attached provider names in stored order, duplicates dropped (the CRD lists a set). */
  public static List<String> attachedProviders(Sandbox sandbox) {
    List<String> raw = sandbox.getSpec() == null ? null : sandbox.getSpec().getProviders();
    return raw == null ? List.of() : List.copyOf(new LinkedHashSet<>(raw));
  }

  private static Optional<SandboxPolicy> policy(Sandbox sandbox, List<Violation> errors) {
    if (sandbox.getSpec() == null || sandbox.getSpec().getPolicy() == null) {
      return Optional.empty();
    }
    return Optional.of(accept(PolicyConverter.toModel(sandbox.getSpec().getPolicy()), errors));
  }

  /** The converted value; its error findings are added to {@code errors}. */
  private static <T> T accept(Conversion<T> conversion, List<Violation> errors) {
    conversion.violations().stream().filter(Violation::isError).forEach(errors::add);
    return conversion.value();
  }

  /** Settings from the {@code cluster} object; defaults when it is absent. */
  public static Settings settings(Optional<OpenShellSettings> object, List<Violation> errors) {
    if (object.isEmpty() || object.get().getSpec() == null) {
      return object
          .map(o -> new Settings(false, Optional.empty(), generation(o)))
          .orElse(Settings.DEFAULTS);
    }
    var spec = object.get().getSpec();
    Optional<SandboxPolicy> global =
        spec.getGlobalPolicy() == null
            ? Optional.empty()
            : Optional.of(accept(PolicyConverter.toModel(spec.getGlobalPolicy()), errors));
    return new Settings(
        Boolean.TRUE.equals(spec.getProvidersV2Enabled()), global, generation(object.get()));
  }

  private static long generation(OpenShellSettings o) {
    Long g = o.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
