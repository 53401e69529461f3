package io.openshell.policy.match;

import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.TokenGrant;
import io.openshell.policy.validate.RustText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request selectors of dynamic token grants (§6.3) and their ambiguity rules, shared by
 * composition checks (across providers) and profile lint (audience overrides of one credential,
 * §2.4).
 *
 * <p>For every credential with a {@code token_grant}, every profile endpoint and every effective
 * port, there is one binding for the endpoint and one per matching audience override (override
 * host/port/path default to the endpoint's). An override matches an endpoint when its host is empty
 * or matches the endpoint host label-wise (in either direction) and its port is 0 or equal.
 */
public final class TokenGrantBindings {
  private TokenGrantBindings() {}

  /** A pair of bindings of different credentials that answer the same request. */
  public record Conflict(TokenGrantBinding first, TokenGrantBinding second) {
    /** OpenShell's text: "dynamic token grants for 'p:c' and 'p:c' are ambiguous for ...". */
    public String message() {
      return "dynamic token grants for '"
          + first.provider()
          + ":"
          + first.credential()
          + "' and '"
          + second.provider()
          + ":"
          + second.credential()
          + "' are ambiguous for "
          + first.host()
          + ":"
          + first.port()
          + " path selectors '"
          + first.path()
          + "' and '"
          + second.path()
          + "'; make one host/path selector more specific or attach only one matching provider";
    }
  }

  /**
   * Two audience overrides of one credential that answer the same request (§2.4 lint).
   *
   * @param credential credential name
   * @param firstIndex index of the earlier override
   * @param secondIndex index of the later override
   * @param host host of the later binding
   * @param port port
   * @param firstPath path selector of the earlier override
   * @param secondPath path selector of the later override
   */
  public record OverrideConflict(
      String credential,
      int firstIndex,
      int secondIndex,
      String host,
      int port,
      String firstPath,
      String secondPath) {
    /** OpenShell's lint text for field {@code credentials.token_grant.audience_overrides}. */
    public String message() {
      return "credential '"
          + credential
          + "' has ambiguous token_grant audience_overrides at indexes "
          + firstIndex
          + " and "
          + secondIndex
          + " for "
          + host
          + ":"
          + port
          + " path selectors '"
          + firstPath
          + "' and '"
          + secondPath
          + "'";
    }
  }

  /**
   * Every binding of every token-grant credential of {@code profile}, for provider {@code name}.
   */
  public static List<TokenGrantBinding> forProfile(String provider, ProviderProfile profile) {
    List<TokenGrantBinding> out = new ArrayList<>();
    for (CredentialProfile credential : profile.credentials()) {
      if (credential.tokenGrant().isPresent()) {
        addCredential(out, provider, profile.endpoints(), credential, true, false);
      }
    }
    return out;
  }

  /**
   * The bindings of one credential over {@code endpoints} (empty when it has no token grant),
   * de-duplicated, in endpoint → port → (endpoint, overrides in order) order.
   */
  public static List<TokenGrantBinding> forCredential(
      String provider, List<NetworkEndpoint> endpoints, CredentialProfile credential) {
    List<TokenGrantBinding> out = new ArrayList<>();
    if (credential.tokenGrant().isPresent()) {
      addCredential(out, provider, endpoints, credential, true, false);
    }
    return out;
  }

  private static void addCredential(
      List<TokenGrantBinding> out,
      String provider,
      List<NetworkEndpoint> endpoints,
      CredentialProfile credential,
      boolean dedupe,
      boolean lint) {
    TokenGrant grant = credential.tokenGrant().orElseThrow();
    for (NetworkEndpoint endpoint : endpoints) {
      for (int port : endpoint.effectivePorts()) {
        if (port == 0) {
          continue;
        }
        add(out, provider, credential.name(), endpoint.host(), port, endpoint.path(), -1, dedupe);
        List<AudienceOverride> overrides = grant.audienceOverrides();
        for (int i = 0; i < overrides.size(); i++) {
          AudienceOverride o = overrides.get(i);
          if (!overrideMatches(o, endpoint.host(), port)) {
            continue;
          }
          String host = o.host().filter(h -> !h.isEmpty()).orElse(endpoint.host());
          int oport = o.port() == 0 ? port : o.port();
          String path = o.path().filter(p -> !p.isEmpty()).orElse(endpoint.path());
          if (lint) {
            // The profile lint trims the override's (or else the endpoint's) host and path before
            // binding and scoring (profiles.rs:2346-2358); composition does not (provider.rs:1976).
            host = lintSelector(o.host(), endpoint.host());
            path = lintSelector(o.path(), endpoint.path());
          }
          add(out, provider, credential.name(), host, oport, path, i, dedupe);
        }
      }
    }
  }

  private static String lintSelector(Optional<String> override, String endpoint) {
    String o = RustText.trim(override.orElse(""));
    return o.isEmpty() ? RustText.trim(endpoint) : o;
  }

  private static boolean overrideMatches(AudienceOverride o, String endpointHost, int port) {
    String host = o.host().map(RustText::trim).orElse("");
    boolean hostMatches =
        host.isEmpty()
            || HostGlob.labelMatches(host, endpointHost)
            || HostGlob.labelMatches(endpointHost, host);
    return hostMatches && (o.port() == 0 || o.port() == port);
  }

  private static void add(
      List<TokenGrantBinding> out,
      String provider,
      String credential,
      String host,
      int port,
      String path,
      int overrideIndex,
      boolean dedupe) {
    long score = TokenGrantBinding.hostSpecificity(host) + EndpointPath.specificity(path);
    TokenGrantBinding candidate =
        new TokenGrantBinding(
            provider, credential, RustText.asciiLower(host), port, path, overrideIndex, score);
    if (dedupe) {
      for (TokenGrantBinding b : out) {
        if (b.sameSelector(candidate)) {
          return;
        }
      }
    }
    out.add(candidate);
  }

  /**
   * Every conflicting pair among {@code bindings} (in list order, first before second); bindings of
   * the same provider credential never conflict. OpenShell stops at the first pair; this reports
   * all.
   */
  public static List<Conflict> conflicts(List<TokenGrantBinding> bindings) {
    List<Conflict> out = new ArrayList<>();
    for (int i = 0; i < bindings.size(); i++) {
      TokenGrantBinding a = bindings.get(i);
      for (int j = i + 1; j < bindings.size(); j++) {
        TokenGrantBinding b = bindings.get(j);
        if (!a.sameCredential(b) && a.conflictsWith(b)) {
          out.add(new Conflict(a, b));
        }
      }
    }
    return out;
  }

  /**
   * Audience overrides of one credential that answer the same request (§2.4): override bindings
   * compared with each other (never with the endpoint binding, never de-duplicated, so two
   * overrides with the same selector are ambiguous), same algorithm as §6.3.
   */
  public static List<OverrideConflict> overrideConflicts(
      List<NetworkEndpoint> endpoints, CredentialProfile credential) {
    List<OverrideConflict> out = new ArrayList<>();
    List<TokenGrantBinding> seen = new ArrayList<>();
    List<TokenGrantBinding> bindings = new ArrayList<>();
    if (credential.tokenGrant().isPresent()) {
      addCredential(bindings, "", endpoints, credential, false, true);
    }
    for (TokenGrantBinding candidate : bindings) {
      if (candidate.overrideIndex() < 0) {
        continue;
      }
      for (TokenGrantBinding existing : seen) {
        if (existing.overrideIndex() != candidate.overrideIndex()
            && existing.conflictsWith(candidate)) {
          out.add(
              new OverrideConflict(
                  credential.name(),
                  existing.overrideIndex(),
                  candidate.overrideIndex(),
                  candidate.host(),
                  candidate.port(),
                  existing.path(),
                  candidate.path()));
        }
      }
      seen.add(candidate);
    }
    return out;
  }
}
