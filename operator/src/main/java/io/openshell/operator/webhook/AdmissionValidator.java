package io.openshell.operator.webhook;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.convert.Conversion;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.read.ReadableSpec;
import io.openshell.crds.resolve.ResolvedSandbox;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.settings.SettingsNames;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.ProviderTypes;
import io.openshell.policy.compose.ActivationCheck;
import io.openshell.policy.compose.BuiltinReadOnly;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.compose.InUse;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.ProviderTypeChange;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.lint.ProfileDiagnostic;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Admission decisions for the four kinds, made with the same policy-core checks the operator runs,
 * so what the webhook admits the operator accepts. A reference to a provider that does not exist
 * yet is allowed with a warning, so that {@code kubectl apply -f dir/} and GitOps sync order never
 * deadlock.
 */
public final class AdmissionValidator {
  // The client's JSON mapping (its modules), to read admission objects into CR beans.
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  private final AdmissionLookups lookups;
  private final SandboxInputsResolver resolver;
  private final String operatorUsername;

  /**
   * @param operatorUsername the operator's own identity ({@code
   *     system:serviceaccount:<ns>:<name>}), the only user that may change built-in profiles
   */
  public AdmissionValidator(
      AdmissionLookups lookups, SandboxInputsResolver resolver, String operatorUsername) {
    this.lookups = lookups;
    this.resolver = resolver;
    this.operatorUsername = operatorUsername;
  }

  /** The decision for one request; unknown resources are allowed (the webhook only sees ours). */
  public AdmissionDecision review(AdmissionRequestView req) {
    Optional<AdmissionDecision> unreadable = unreadable(req);
    if (unreadable.isPresent()) {
      return unreadable.get();
    }
    return switch (req.resource()) {
      case "providerprofiles" -> reviewProfile(req);
      case "providers" -> reviewProvider(req);
      case "sandboxes" -> reviewSandbox(req);
      case "openshellsettings" -> reviewSettings(req);
      default -> AdmissionDecision.allow();
    };
  }

  // ---- ProviderProfile

  private AdmissionDecision reviewProfile(AdmissionRequestView req) {
    String id = req.name();
    boolean operator = req.username().equals(operatorUsername);
    if (req.operation().equals("DELETE")) {
      Optional<Violation> builtin = BuiltinReadOnly.check(id, BuiltinReadOnly.Write.DELETE);
      if (builtin.isPresent() && !operator) {
        return AdmissionDecision.deny("provider profile delete refused", List.of(builtin.get()));
      }
      Optional<Violation> inUse = InUse.profileInUse(id, allSandboxInputs());
      return inUse
          .map(v -> AdmissionDecision.deny("provider profile delete refused", List.of(v)))
          .orElseGet(AdmissionDecision::allow);
    }
    Optional<Violation> builtin =
        BuiltinReadOnly.check(
            id,
            req.operation().equals("CREATE")
                ? BuiltinReadOnly.Write.CREATE
                : BuiltinReadOnly.Write.UPDATE);
    if (builtin.isPresent()) {
      return operator
          ? AdmissionDecision.allow()
          : AdmissionDecision.deny(
              "provider profile " + verb(req) + " refused", List.of(builtin.get()));
    }
    ProviderProfile object = as(req.object(), ProviderProfile.class);
    Conversion<io.openshell.policy.model.ProviderProfile> converted =
        ProfileConverter.toModel(object);
    io.openshell.policy.model.ProviderProfile candidate = converted.value();
    List<Violation> lint = new ArrayList<>();
    converted.violations().stream().filter(Violation::isError).forEach(lint::add);
    ProfileLint.validateProfileSet(List.of(candidate)).stream()
        .map(ProfileDiagnostic::violation)
        .filter(Violation::isError)
        .forEach(lint::add);
    if (!lint.isEmpty()) {
      return AdmissionDecision.deny("provider profile " + verb(req) + " refused", lint);
    }
    // Fan-out (§6.4) runs only when the profile itself is valid, as in OpenShell.
    ProfileFanOut.Operation op =
        req.operation().equals("CREATE")
            ? ProfileFanOut.Operation.IMPORT
            : ProfileFanOut.Operation.UPDATE;
    List<SandboxInputs> affected =
        allSandboxInputs().stream().filter(in -> usesProfile(in, id)).toList();
    List<Violation> fanOut = ProfileFanOut.check(candidate, op, affected);
    return fanOut.isEmpty()
        ? AdmissionDecision.allow()
        : AdmissionDecision.deny("provider profile " + verb(req) + " refused", fanOut);
  }

  private static boolean usesProfile(SandboxInputs in, String id) {
    return in.providerRecords().values().stream()
        .anyMatch(r -> ProviderTypes.profileIdForType(r.type()).map(id::equals).orElse(false));
  }

  // ---- Provider

  private AdmissionDecision reviewProvider(AdmissionRequestView req) {
    if (req.operation().equals("DELETE")) {
      List<SandboxInputs> inNamespace =
          allSandboxInputs().stream().filter(in -> in.namespace().equals(req.namespace())).toList();
      return InUse.providerAttached(req.namespace(), req.name(), inNamespace)
          .map(v -> AdmissionDecision.deny("provider delete refused", List.of(v)))
          .orElseGet(AdmissionDecision::allow);
    }
    Provider object = as(req.object(), Provider.class);
    String type = object.getSpec() == null ? null : object.getSpec().getType();
    if (type == null || type.isBlank()) {
      return deny(
          "provider " + verb(req) + " refused",
          ViolationCode.INVALID_PROFILE,
          "provider.type is required");
    }
    if (req.operation().equals("UPDATE")) {
      Provider old = as(req.oldObject(), Provider.class);
      String oldType = old.getSpec() == null ? "" : old.getSpec().getType();
      if (oldType != null && !oldType.trim().equalsIgnoreCase(type.trim())) {
        return deny(
            "provider update refused", ViolationCode.INVALID_PROFILE, ProviderTypeChange.MESSAGE);
      }
    }
    return AdmissionDecision.allow();
  }

  // ---- Sandbox

  private AdmissionDecision reviewSandbox(AdmissionRequestView req) {
    Sandbox candidate = as(req.object(), Sandbox.class);
    if (candidate.getMetadata().getNamespace() == null) {
      candidate.getMetadata().setNamespace(req.namespace());
    }
    if (candidate.getMetadata().getDeletionTimestamp() != null) {
      return AdmissionDecision.allow();
    }
    ResolvedSandbox resolved = resolver.resolve(candidate, lookups);
    if (!resolved.conversionErrors().isEmpty()) {
      return AdmissionDecision.deny(
          "sandbox " + verb(req) + " refused", resolved.conversionErrors());
    }
    List<String> warnings = new ArrayList<>();
    SandboxInputs inputs = resolved.inputs();
    if (!resolved.missingProviders().isEmpty()) {
      // Allowed with a warning: the provider may be applied later in the same sync. The other
      // checks run on the providers that exist.
      for (String name : resolved.missingProviders()) {
        warnings.add(
            Composition.notFoundMessage(name)
                + "; the sandbox will report ProvidersResolved=False until it exists");
      }
      List<String> present =
          inputs.providers().stream().filter(inputs.providerRecords()::containsKey).toList();
      inputs =
          new SandboxInputs(
              inputs.namespace(),
              inputs.name(),
              inputs.policy(),
              present,
              inputs.providerRecords(),
              inputs.catalog(),
              inputs.settings(),
              inputs.now());
    }
    List<Violation> refused = PolicyEngine.check(inputs);
    if (!refused.isEmpty()) {
      return AdmissionDecision.deny("sandbox " + verb(req) + " refused", refused);
    }
    return AdmissionDecision.allow(warnings);
  }

  // ---- OpenShellSettings

  private AdmissionDecision reviewSettings(AdmissionRequestView req) {
    String what = "settings " + verb(req) + " refused";
    if (!req.name().equals(SettingsNames.SINGLETON)) {
      return deny(
          what,
          ViolationCode.INVALID_POLICY,
          "OpenShellSettings is a singleton: its name must be '" + SettingsNames.SINGLETON + "'");
    }
    List<Violation> errors = new ArrayList<>();
    Settings current =
        req.oldObject().isPresent()
            ? SandboxInputsResolver.settings(
                Optional.of(as(req.oldObject(), OpenShellSettings.class)), new ArrayList<>())
            : Settings.DEFAULTS;
    Settings proposed =
        req.operation().equals("DELETE")
            ? Settings.DEFAULTS
            : SandboxInputsResolver.settings(
                Optional.of(as(req.object(), OpenShellSettings.class)), errors);
    if (!errors.isEmpty()) {
      return AdmissionDecision.deny(what, errors);
    }
    if (proposed.globalPolicy().isPresent()) {
      List<Violation> global = PolicyEngine.checkGlobalPolicy(proposed.globalPolicy().get());
      if (!global.isEmpty()) {
        return AdmissionDecision.deny(what, global);
      }
    }
    List<Violation> activation = ActivationCheck.check(current, proposed, allSandboxInputs());
    return activation.isEmpty()
        ? AdmissionDecision.allow()
        : AdmissionDecision.deny(what, activation);
  }

  // ---- helpers

  /** Every live sandbox's inputs, as the cluster holds them now. */
  private List<SandboxInputs> allSandboxInputs() {
    List<SandboxInputs> out = new ArrayList<>();
    for (Sandbox s : lookups.sandboxes()) {
      if (s.getMetadata().getDeletionTimestamp() == null) {
        out.add(resolver.resolve(s, lookups).inputs());
      }
    }
    return out;
  }

  /**
   * A new object whose spec the model cannot read is refused, one violation per field, naming the
   * field and what it must be (not a Jackson trace); the operator would only report it as {@code
   * InvalidSpec}.
   */
  private static Optional<AdmissionDecision> unreadable(AdmissionRequestView req) {
    Class<? extends CustomResource<? extends ReadableSpec, ?>> type;
    String what;
    switch (req.resource()) {
      case "providerprofiles" -> {
        type = ProviderProfile.class;
        what = "provider profile";
      }
      case "providers" -> {
        type = Provider.class;
        what = "provider";
      }
      case "sandboxes" -> {
        type = Sandbox.class;
        what = "sandbox";
      }
      case "openshellsettings" -> {
        type = OpenShellSettings.class;
        what = "settings";
      }
      default -> {
        return Optional.empty();
      }
    }
    if (req.operation().equals("DELETE") || req.object().isEmpty()) {
      return Optional.empty();
    }
    ReadableSpec spec = as(req.object(), type).getSpec();
    if (spec == null || spec.isReadable()) {
      return Optional.empty();
    }
    List<Violation> violations =
        spec.getReadProblems().stream()
            .map(p -> Violation.error(ViolationCode.PARSE_ERROR, p.path(), p.text()))
            .toList();
    return Optional.of(AdmissionDecision.deny(what + " " + verb(req) + " refused", violations));
  }

  private static String verb(AdmissionRequestView req) {
    return req.operation().toLowerCase(Locale.ROOT);
  }

  private static AdmissionDecision deny(String what, ViolationCode code, String message) {
    return AdmissionDecision.deny(what, List.of(Violation.error(code, "", message)));
  }

  private static <T> T as(Optional<Object> value, Class<T> type) {
    Object raw = value.orElseThrow(() -> new IllegalArgumentException("request has no object"));
    return KUBE.convertValue(raw, type);
  }
}
