package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.catalog.ProviderTypes;
import io.openshell.policy.match.TokenGrantBindings;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profile import/update fan-out (§6.4): what a candidate profile would break on the sandboxes that
 * use it, checked before the profile is stored.
 *
 * <p>A sandbox is affected when one of its attached providers has a type that resolves to the
 * candidate's id. The candidate replaces the stored profile for that sandbox, and:
 *
 * <ul>
 *   <li>a provider with active static credentials, a candidate without endpoints and no sandbox
 *       policy binding for the provider: "{op} would leave static provider credentials without an
 *       authorized endpoint on sandbox '{s}'";
 *   <li>a candidate with endpoints and a sandbox policy binding for the provider: "{op} would give
 *       provider '{p}' both profile endpoint bindings and sandbox policy credential bindings on
 *       sandbox '{s}'";
 *   <li>ambiguous dynamic token grants (§6.3), field {@code
 *       credentials.token_grant.audience_overrides};
 *   <li>when composition is active for the sandbox (providers v2 on, no global policy, a base
 *       policy), ambiguous network endpoints of the composed policy (§6.1).
 * </ul>
 *
 * <p>Fields are {@code endpoints} unless noted; sandboxes are named {@code namespace/name} because
 * profiles are cluster-scoped. Pure: nothing is read or written.
 */
public final class ProfileFanOut {
  private ProfileFanOut() {}

  /** The profile operation being checked. */
  public enum Operation {
    IMPORT("import"),
    UPDATE("update");

    private final String word;

    Operation(String word) {
      this.word = word;
    }

    /** The verb OpenShell prints ({@code import}, {@code update}). */
    public String word() {
      return word;
    }
  }

  /** Every {@code PROFILE_FANOUT} error {@code candidate} would cause, sandbox by sandbox. */
  public static List<Violation> check(
      ProviderProfile candidate, Operation op, List<SandboxInputs> sandboxes) {
    List<Violation> out = new ArrayList<>();
    Memo memo = new Memo();
    for (SandboxInputs in : sandboxes) {
      checkSandbox(candidate, op, in, out, memo);
    }
    return out;
  }

  /**
   * What the token-grant and network-ambiguity checks found for one combination of inputs. They
   * depend only on the base policy, the attached names, their records, the catalog and the settings
   * (never on the sandbox's name or the clock), so sandboxes made from the same template share one
   * result within a fan-out.
   */
  private record Findings(Optional<String> grants, Optional<String> ambiguity) {}

  /** The inputs {@link Findings} depend on; the catalog by identity (it is not a value type). */
  private record FindingsKey(
      Optional<SandboxPolicy> policy,
      List<String> providers,
      Map<String, ProviderRecord> records,
      CatalogRef catalog,
      Settings settings) {}

  /** A catalog compared by identity. */
  private record CatalogRef(ProfileCatalog catalog) {
    @Override
    public boolean equals(Object o) {
      return o instanceof CatalogRef c && c.catalog == catalog;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(catalog);
    }
  }

  /** Per-call caches: substituted catalogs by original catalog, findings by inputs. */
  private static final class Memo {
    final Map<ProfileCatalog, ProfileCatalog> catalogs = new IdentityHashMap<>();
    final Map<FindingsKey, Findings> findings = new HashMap<>();
  }

  private static void checkSandbox(
      ProviderProfile candidate, Operation op, SandboxInputs in, List<Violation> out, Memo memo) {
    List<ProviderRecord> affected = new ArrayList<>();
    for (String name : in.providers()) {
      ProviderRecord r = in.providerRecords().get(name);
      if (r != null
          && ProviderTypes.aliasOrAsWritten(r.type()).equals(candidate.id())
          && !affected.contains(r)) {
        affected.add(r);
      }
    }
    if (affected.isEmpty()) {
      return;
    }
    String sandbox = in.qualifiedName();

    List<String> bound = in.policy().map(CredentialBindings::boundProviders).orElse(List.of());
    boolean usable = hasUsableEndpoint(candidate);
    for (ProviderRecord r : affected) {
      boolean isBound = bound.contains(r.name());
      if (!usable) {
        if (!isBound && CredentialEnvKeys.hasStaticCredentials(r)) {
          out.add(
              error(
                  "endpoints",
                  op.word()
                      + " would leave static provider credentials without an authorized endpoint"
                      + " on sandbox '"
                      + sandbox
                      + "'"));
        }
      } else if (isBound) {
        out.add(
            error(
                "endpoints",
                op.word()
                    + " would give provider '"
                    + r.name()
                    + "' both profile endpoint bindings and sandbox policy credential bindings on"
                    + " sandbox '"
                    + sandbox
                    + "'"));
      }
    }

    FindingsKey key =
        new FindingsKey(
            in.policy(),
            in.providers(),
            in.providerRecords(),
            new CatalogRef(in.catalog()),
            in.settings());
    Findings f = memo.findings.get(key);
    if (f == null) {
      f = findings(candidate, in, memo);
      memo.findings.put(key, f);
    }
    f.grants()
        .ifPresent(
            m ->
                out.add(
                    error(
                        "credentials.token_grant.audience_overrides",
                        op.word()
                            + " would create ambiguous dynamic token grants on sandbox '"
                            + sandbox
                            + "': "
                            + m)));
    f.ambiguity()
        .ifPresent(
            m ->
                out.add(
                    error(
                        "endpoints",
                        op.word()
                            + " would create ambiguous network endpoints on sandbox '"
                            + sandbox
                            + "': "
                            + m)));
  }

  /**
   * {@code has_usable_endpoint} (grpc/provider.rs:3144-3147): an endpoint with a host and at least
   * one non-zero port.
   */
  private static boolean hasUsableEndpoint(ProviderProfile profile) {
    for (NetworkEndpoint e : profile.endpoints()) {
      boolean port = e.ports().isEmpty() ? e.port() != 0 : e.ports().stream().anyMatch(p -> p != 0);
      if (port && !e.host().isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Composes with the candidate substituted and runs the token-grant and ambiguity checks. */
  private static Findings findings(ProviderProfile candidate, SandboxInputs in, Memo memo) {
    ProfileCatalog catalog =
        memo.catalogs.computeIfAbsent(
            in.catalog(),
            c -> {
              long generation = c.get(candidate.id()).map(CatalogEntry::generation).orElse(0L);
              return c.with(new CatalogEntry(candidate, ProfileSource.USER, generation));
            });
    SandboxInputs substituted = in.withCatalog(catalog);
    List<ResolvedProvider> providers = Composition.resolve(substituted);
    List<TokenGrantBindings.Conflict> grants =
        TokenGrantBindings.conflicts(TokenGrantCheck.bindings(providers));
    Optional<String> grantMessage =
        grants.isEmpty() ? Optional.empty() : Optional.of(grants.get(0).message());
    Optional<String> ambiguity = Optional.empty();
    // Composed on the base or, without one, the empty default (current_base_policy_for_sandbox,
    // grpc/provider.rs:3097, H13).
    if (in.settings().providersV2Enabled() && in.settings().globalPolicy().isEmpty()) {
      SandboxPolicy composed =
          Composition.compose(
                  PolicyEngine.withPolicy(
                      substituted, in.policy().orElse(Composition.RESTRICTIVE_DEFAULT)),
                  providers)
              .policy();
      ambiguity = EndpointAmbiguities.failureMessage(EndpointAmbiguities.find(composed));
    }
    return new Findings(grantMessage, ambiguity);
  }

  private static Violation error(String field, String message) {
    return Violation.error(ViolationCode.PROFILE_FANOUT, field, message);
  }
}
