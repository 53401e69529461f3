package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.LandlockPolicy;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a sandbox's candidate effective policy (§5.1–5.4), before any check.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Source: the global policy if set (it replaces the sandbox policy, {@link
 *       PolicySource#GLOBAL}); else the sandbox's base policy; else OpenShell's restrictive default
 *       policy (§1.1: deny all egress). OpenShell returns no policy at all for a sandbox without
 *       one; a Kubernetes sandbox must still be given something its supervisor can enforce, and the
 *       restrictive default is what OpenShell's supervisor itself falls back to, so access is never
 *       wider than OpenShell's.
 *   <li>Each attached provider, in stored order, resolves to its record and to the profile its type
 *       names (aliases first). A provider whose type has no profile contributes nothing (a
 *       warning).
 *   <li>Layers are composed iff {@code providersV2Enabled}, no global policy, and the sandbox has a
 *       base policy. Each layer is a rule named {@code _provider_<sanitised name>} holding the
 *       profile's endpoints and binaries (an endpointless profile still adds an empty rule), under
 *       that key if free, else the first free {@code _2}, {@code _3}, ... (user keys and earlier
 *       layers count; user rules are never overwritten). A suffixed rule keeps {@code name:
 *       _provider_<name>}.
 *   <li>Credential stamping, always: every endpoint of the result is {@code provider_credentialed}
 *       iff it overlaps a credentialed scope — an endpoint of an attached profile with credentials
 *       or signing, or an endpoint of the sandbox policy whose {@code credential_binding} names an
 *       attached endpointless-profile provider. User-authored markers are never trusted.
 * </ol>
 */
public final class Composition {
  private Composition() {}

  /** OpenShell's {@code restrictive_default_policy} (§1.1): no network rules, deny all egress. */
  public static final SandboxPolicy RESTRICTIVE_DEFAULT =
      new SandboxPolicy(
          1,
          Optional.of(
              new FilesystemPolicy(
                  true,
                  List.of("/usr", "/lib", "/proc", "/dev/urandom", "/app", "/etc", "/var/log"),
                  List.of("/tmp", "/dev/null"))),
          Optional.of(new LandlockPolicy("best_effort")),
          Optional.empty(),
          Map.of());

  /**
   * The composed, stamped candidate.
   *
   * @param policy the effective policy
   * @param source where it came from
   * @param composed whether provider layers were added
   * @param providers every attached name, resolved, in stored order
   * @param layers one per existing provider, in stored order ({@code ruleKey} empty when no rule
   *     was added)
   * @param warnings profileless providers
   * @param missing {@code PROVIDER_NOT_FOUND} errors, in stored order
   */
  public record Candidate(
      SandboxPolicy policy,
      PolicySource source,
      boolean composed,
      List<ResolvedProvider> providers,
      List<Layer> layers,
      List<Violation> warnings,
      List<Violation> missing) {
    public Candidate {
      providers = List.copyOf(providers);
      layers = List.copyOf(layers);
      warnings = List.copyOf(warnings);
      missing = List.copyOf(missing);
    }
  }

  /** Resolves every attached name against the records and the catalog, in stored order. */
  public static List<ResolvedProvider> resolve(SandboxInputs in) {
    List<ResolvedProvider> out = new ArrayList<>(in.providers().size());
    for (String name : in.providers()) {
      Optional<ProviderRecord> record = Optional.ofNullable(in.providerRecords().get(name));
      Optional<CatalogEntry> entry = record.flatMap(r -> in.catalog().forProviderType(r.type()));
      out.add(new ResolvedProvider(name, record, entry));
    }
    return out;
  }

  /** OpenShell's text for an attached name without a provider. */
  public static String notFoundMessage(String name) {
    return "provider '" + name + "' not found";
  }

  /** OpenShell's note for an attached provider whose type has no profile (§5.2 step 3). */
  public static String profilelessMessage(String name, String type) {
    return "provider '"
        + name
        + "' has type '"
        + type
        + "' which has no provider profile; skipping provider policy layer";
  }

  /** Composes and stamps the candidate effective policy of {@code in}. */
  public static Candidate compose(SandboxInputs in) {
    return compose(in, resolve(in));
  }

  static Candidate compose(SandboxInputs in, List<ResolvedProvider> providers) {
    Settings settings = in.settings();
    SandboxPolicy source;
    PolicySource origin;
    if (settings.globalPolicy().isPresent()) {
      source = settings.globalPolicy().get();
      origin = PolicySource.GLOBAL;
    } else {
      source = in.policy().orElse(RESTRICTIVE_DEFAULT);
      origin = PolicySource.SANDBOX;
    }
    boolean compose =
        settings.providersV2Enabled() && origin == PolicySource.SANDBOX && in.policy().isPresent();

    TreeMap<String, NetworkPolicyRule> rules = new TreeMap<>(source.networkPolicies());
    List<Layer> layers = new ArrayList<>(providers.size());
    List<Violation> warnings = new ArrayList<>();
    List<Violation> missing = new ArrayList<>();
    List<CredentialScope> scopes = new ArrayList<>();
    boolean added = false;
    for (ResolvedProvider p : providers) {
      if (p.record().isEmpty()) {
        missing.add(
            Violation.error(
                ViolationCode.PROVIDER_NOT_FOUND, "providers", notFoundMessage(p.name())));
        continue;
      }
      ProviderRecord record = p.record().get();
      if (p.entry().isEmpty()) {
        layers.add(new Layer(p.name(), record.type(), "", 0, ""));
        warnings.add(
            Violation.warning(
                ViolationCode.PROFILELESS_PROVIDER,
                "providers",
                profilelessMessage(p.name(), record.type())));
        continue;
      }
      CatalogEntry entry = p.entry().get();
      ProviderProfile profile = entry.profile();
      String key = "";
      if (compose) {
        String ruleName = ProviderRuleNames.ruleName(p.name());
        key = uniqueKey(rules, ruleName);
        rules.put(key, layerRule(profile, ruleName));
        added = true;
      }
      layers.add(new Layer(p.name(), record.type(), entry.id(), entry.generation(), key));
      if (profile.hasCredentialedEndpoints()) {
        for (NetworkEndpoint e : profile.endpoints()) {
          scopes.add(new CredentialScope(e.host().toLowerCase(Locale.ROOT), e.effectivePorts()));
        }
      }
    }
    if (origin == PolicySource.SANDBOX) {
      addBindingScopes(source, providers, scopes);
    }
    boolean changed = stamp(rules, scopes);
    SandboxPolicy policy = added || changed ? source.withNetworkPolicies(rules) : source;
    return new Candidate(policy, origin, compose, providers, layers, warnings, missing);
  }

  private static String uniqueKey(Map<String, NetworkPolicyRule> rules, String preferred) {
    if (!rules.containsKey(preferred)) {
      return preferred;
    }
    for (int suffix = 2; ; suffix++) {
      String candidate = preferred + "_" + suffix;
      if (!rules.containsKey(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * {@code profile.network_policy_rule(name)} (§2.8): the profile's endpoints, copied with {@code
   * credential_binding} and {@code advisor_proposed} cleared (and {@code provider_credentialed} set
   * as stamping will set it), and its binaries.
   */
  static NetworkPolicyRule layerRule(ProviderProfile profile, String ruleName) {
    return new NetworkPolicyRule(
        ruleName, LAYER_ENDPOINTS.get(profile, Composition::layerEndpoints), profile.binaries());
  }

  /**
   * Layer endpoints by profile instance. Why pre-stamped: a credentialed profile's endpoints always
   * fall in its own credential scopes (same host, same ports), so stamping would set the marker on
   * every one of them anyway; doing it once per profile spares rebuilding them on every compose.
   */
  private static final IdentityCache<ProviderProfile, List<NetworkEndpoint>> LAYER_ENDPOINTS =
      new IdentityCache<>(1024);

  private static List<NetworkEndpoint> layerEndpoints(ProviderProfile profile) {
    boolean credentialed = profile.hasCredentialedEndpoints();
    List<NetworkEndpoint> endpoints = new ArrayList<>(profile.endpoints().size());
    for (NetworkEndpoint e : profile.endpoints()) {
      if (e.credentialBinding().isPresent()
          || e.providerCredentialed() != credentialed
          || e.advisorProposed()) {
        endpoints.add(
            e.toBuilder()
                .credentialBinding(Optional.empty())
                .providerCredentialed(credentialed)
                .advisorProposed(false)
                .build());
      } else {
        endpoints.add(e);
      }
    }
    return List.copyOf(endpoints);
  }

  /**
   * Scopes of sandbox-policy {@code credential_binding}s that name an attached provider whose
   * profile has no endpoints (§5.4 step 2): the endpoint's host and ports, path dropped.
   */
  private static void addBindingScopes(
      SandboxPolicy source, List<ResolvedProvider> providers, List<CredentialScope> scopes) {
    for (NetworkPolicyRule rule : source.networkPolicies().values()) {
      for (NetworkEndpoint e : rule.endpoints()) {
        if (e.credentialBinding().isEmpty()) {
          continue;
        }
        String bound = e.credentialBinding().get().provider();
        for (ResolvedProvider p : providers) {
          if (p.name().equals(bound) && p.endpointless()) {
            scopes.add(new CredentialScope(e.host().toLowerCase(Locale.ROOT), e.effectivePorts()));
            break;
          }
        }
      }
    }
  }

  /** Sets {@code provider_credentialed} on every endpoint exactly when a scope covers it. */
  private static boolean stamp(
      TreeMap<String, NetworkPolicyRule> rules, List<CredentialScope> scopes) {
    ScopeIndex index = new ScopeIndex(scopes);
    boolean changed = false;
    for (Map.Entry<String, NetworkPolicyRule> entry : rules.entrySet()) {
      NetworkPolicyRule rule = entry.getValue();
      List<NetworkEndpoint> endpoints = rule.endpoints();
      List<NetworkEndpoint> stamped = null;
      for (int i = 0; i < endpoints.size(); i++) {
        NetworkEndpoint e = endpoints.get(i);
        boolean credentialed = index.covers(e);
        if (credentialed != e.providerCredentialed()) {
          if (stamped == null) {
            stamped = new ArrayList<>(endpoints);
          }
          stamped.set(i, e.toBuilder().providerCredentialed(credentialed).build());
        }
      }
      if (stamped != null) {
        entry.setValue(rule.withEndpoints(stamped));
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Scopes indexed for stamping: a literal endpoint host can only be covered by a scope with the
   * same literal host or by a wildcard scope, so most lookups are one hash probe. Same answers as
   * testing every scope.
   */
  private static final class ScopeIndex {
    private final Map<String, List<CredentialScope>> literal = new java.util.HashMap<>();
    private final List<CredentialScope> wildcard = new ArrayList<>();
    private final List<CredentialScope> all;

    ScopeIndex(List<CredentialScope> scopes) {
      this.all = scopes;
      for (CredentialScope s : scopes) {
        if (!isLiteral(s.host())) {
          wildcard.add(s);
        } else {
          literal.computeIfAbsent(s.host(), k -> new ArrayList<>(1)).add(s);
        }
      }
    }

    boolean covers(NetworkEndpoint e) {
      if (all.isEmpty()) {
        return false;
      }
      String host = e.host();
      if (!isLiteral(host)) {
        return anyCovers(all, e);
      }
      List<CredentialScope> same = literal.get(host.toLowerCase(Locale.ROOT));
      return (same != null && anyCovers(same, e)) || anyCovers(wildcard, e);
    }

    /** A host without glob syntax: it can only overlap the same host or a pattern. */
    private static boolean isLiteral(String host) {
      return !host.isEmpty()
          && host.indexOf('*') < 0
          && host.indexOf('?') < 0
          && host.indexOf('[') < 0;
    }

    private static boolean anyCovers(List<CredentialScope> scopes, NetworkEndpoint e) {
      for (CredentialScope s : scopes) {
        if (s.covers(e)) {
          return true;
        }
      }
      return false;
    }
  }
}
