package io.openshell.policy.lint;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.match.TokenGrantBindings;
import io.openshell.policy.model.AdditionalOutput;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.CredentialRefresh;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.RefreshMaterial;
import io.openshell.policy.model.RefreshStrategy;
import io.openshell.policy.model.TokenGrant;
import io.openshell.policy.validate.IpLiterals;
import io.openshell.policy.validate.L7Finding;
import io.openshell.policy.validate.L7Semantics;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenShell's provider profile lint ({@code validate_profile_set}, §2.2–2.6) and the conflict
 * checks of import, lint and update (§2.7). Every entry point returns ALL diagnostics, never only
 * the first; a batch is invalid iff any diagnostic is an error. Lint rules report {@code
 * INVALID_PROFILE}; reserved, duplicate and already-existing ids report {@code PROFILE_CONFLICT}.
 * Fields are OpenShell's paths ({@code id}, {@code credentials.env_vars}, {@code
 * endpoints[0].rules[1].allow}, {@code binaries[2]}).
 */
public final class ProfileLint {
  private ProfileLint() {}

  /** Text of the id rule, shared with request-id normalisation. */
  public static final String ID_FORMAT =
      "provider profile id must be lowercase kebab-case using only a-z, 0-9, and '-'";

  private static final Pattern CANONICAL_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern REVISION_NAMESPACE_V = Pattern.compile("v[0-9]+_[A-Za-z0-9_]+");
  private static final Pattern REVISION_NAMESPACE_S =
      Pattern.compile("s[0-9a-f]{64}_[A-Za-z0-9_]+");
  private static final Pattern TCHAR = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final Set<String> FRAMING_HEADERS =
      Set.of("host", "content-length", "transfer-encoding", "connection");
  private static final String PATH_PLACEHOLDER = "{credential}";

  /** Whether {@code id} is already canonical: {@code ^[a-z0-9]+(-[a-z0-9]+)*$}. */
  public static boolean isCanonicalId(String id) {
    return CANONICAL_ID.matcher(id).matches();
  }

  /**
   * A request id trimmed and lower-cased, when that is canonical ({@code normalize_profile_id}).
   */
  public static Optional<String> normalizeId(String input) {
    String id = input.trim().toLowerCase(Locale.ROOT);
    return isCanonicalId(id) ? Optional.of(id) : Optional.empty();
  }

  /**
   * Import and lint of a batch: an empty batch is refused ("at least one provider profile is
   * required", field {@code profiles}, index -1); then for each profile, the conflict checks (a
   * built-in id "...cannot be overwritten", an existing custom id "...already exists", a warning
   * when a workspace profile shadows a platform one), then {@link #validateProfileSet} over the
   * whole batch.
   */
  public static List<ProfileDiagnostic> lintForImport(
      List<ProviderProfile> batch, LintContext ctx) {
    List<ProfileDiagnostic> out = new ArrayList<>();
    if (batch.isEmpty()) {
      out.add(diag(-1, "", invalid("profiles", "at least one provider profile is required")));
    }
    for (int i = 0; i < batch.size(); i++) {
      String id = batch.get(i).id().trim();
      if (id.isEmpty()) {
        continue;
      }
      if (ctx.builtinIds().contains(id)) {
        out.add(
            diag(
                i,
                id,
                Violation.error(
                    ViolationCode.PROFILE_CONFLICT,
                    "id",
                    "provider profile '"
                        + id
                        + "' is managed by source '"
                        + ProfileSource.BUILTIN.label()
                        + "' and cannot be overwritten")));
      } else if (ctx.customIds().contains(id)) {
        out.add(
            diag(
                i,
                id,
                Violation.error(
                    ViolationCode.PROFILE_CONFLICT,
                    "id",
                    "custom provider profile '" + id + "' already exists")));
      } else if (ctx.platformIds().contains(id)) {
        out.add(
            diag(
                i,
                id,
                Violation.warning(
                    ViolationCode.PROFILE_CONFLICT,
                    "id",
                    "profile '" + id + "' shadows a platform-scoped profile in this workspace")));
      }
    }
    out.addAll(validateProfileSet(batch));
    return List.copyOf(out);
  }

  /**
   * Update of the stored custom profile {@code targetId} with {@code profile}: the target must be a
   * valid id matching the payload id, must not be a built-in, must exist, and the payload must
   * carry the non-zero resource_version it was exported with; then the profile's own lint.
   */
  public static List<Violation> lintForUpdate(
      String targetId, ProviderProfile profile, LintContext ctx) {
    List<Violation> out = new ArrayList<>();
    Optional<String> target = normalizeId(targetId);
    if (targetId.isBlank()) {
      out.add(Violation.error(ViolationCode.INVALID_PROFILE, "id", "id is required"));
    } else if (target.isEmpty()) {
      out.add(
          Violation.error(
              ViolationCode.INVALID_PROFILE,
              "id",
              "id must be lowercase kebab-case using only a-z, 0-9, and '-'"));
    } else {
      String id = target.get();
      String payloadId = profile.id();
      if (!payloadId.isEmpty() && !payloadId.equals(id)) {
        out.add(
            Violation.error(
                ViolationCode.INVALID_PROFILE,
                "id",
                "provider profile update target '"
                    + id
                    + "' does not match payload id '"
                    + payloadId
                    + "'"));
      }
      if (ctx.builtinIds().contains(id)) {
        out.add(
            Violation.error(
                ViolationCode.BUILTIN_READ_ONLY,
                "id",
                "provider profile '"
                    + id
                    + "' is managed by source '"
                    + ProfileSource.BUILTIN.label()
                    + "' and cannot be updated"));
      } else if (!ctx.customIds().contains(id)) {
        out.add(
            Violation.error(
                ViolationCode.PROFILE_CONFLICT,
                "id",
                "custom provider profile '" + id + "' does not exist"));
      }
    }
    if (profile.resourceVersion() == 0) {
      out.add(
          Violation.error(
              ViolationCode.STALE_RESOURCE_VERSION,
              "resource_version",
              "custom provider profile update requires a non-zero resource_version; export the"
                  + " current profile before editing it"));
    }
    out.addAll(lintProfile(profile));
    return List.copyOf(out);
  }

  /** The lint of one stored profile on its own (no conflict checks). */
  public static List<Violation> lintProfile(ProviderProfile profile) {
    return validateProfileSet(List.of(profile)).stream().map(ProfileDiagnostic::violation).toList();
  }

  /**
   * OpenShell's {@code validate_profile_set}: for each profile in order, id (required, canonical,
   * unique in the batch), credentials (names, discovery, env vars, auth_style, refresh,
   * token_grant), endpoints (validity, L7 semantics, MCP rules, credentialed endpoints), binaries.
   */
  public static List<ProfileDiagnostic> validateProfileSet(List<ProviderProfile> profiles) {
    List<ProfileDiagnostic> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < profiles.size(); i++) {
      ProviderProfile profile = profiles.get(i);
      String id = profile.id().trim();
      List<Violation> found = new ArrayList<>();
      if (id.isEmpty()) {
        found.add(invalid("id", "provider profile id is required"));
      } else if (!isCanonicalId(profile.id())) {
        found.add(invalid("id", ID_FORMAT));
      } else if (!ids.add(id)) {
        found.add(
            Violation.error(
                ViolationCode.PROFILE_CONFLICT, "id", "duplicate provider profile id: " + id));
      }
      lintBody(profile, found);
      for (Violation v : found) {
        out.add(diag(i, id, v));
      }
    }
    return List.copyOf(out);
  }

  private static void lintBody(ProviderProfile profile, List<Violation> out) {
    Set<String> credentialNames = new HashSet<>();
    for (CredentialProfile c : profile.credentials()) {
      String name = c.name().trim();
      if (name.isEmpty()) {
        out.add(invalid("credentials.name", "credential name is required"));
      } else if (!credentialNames.add(name)) {
        out.add(invalid("credentials.name", "duplicate credential name: " + name));
      }
    }
    discovery(profile, credentialNames, out);
    Set<String> envVars = new HashSet<>();
    for (CredentialProfile c : profile.credentials()) {
      credentialEnvVars(c, envVars, out);
      authStyle(c, out);
      c.refresh().ifPresent(r -> refresh(profile, c, r, out));
      c.tokenGrant().ifPresent(g -> tokenGrant(c, g, profile.endpoints(), out));
    }
    boolean credentialed = profile.hasCredentialedEndpoints();
    for (int i = 0; i < profile.endpoints().size(); i++) {
      endpoint(i, profile.endpoints().get(i), credentialed, out);
    }
    for (int i = 0; i < profile.binaries().size(); i++) {
      if (profile.binaries().get(i).path().isBlank()) {
        out.add(invalid("binaries[" + i + "]", "binary path must not be empty"));
      }
    }
  }

  private static void discovery(
      ProviderProfile profile, Set<String> credentialNames, List<Violation> out) {
    Set<String> seen = new HashSet<>();
    List<String> names = profile.discoveryCredentials();
    for (int i = 0; i < names.size(); i++) {
      String field = "discovery.credentials[" + i + "]";
      String name = names.get(i).trim();
      if (name.isEmpty()) {
        out.add(invalid(field, "discovery credential name must not be empty"));
      } else if (!seen.add(name)) {
        out.add(invalid(field, "duplicate discovery credential: " + name));
      } else if (!credentialNames.contains(name)) {
        out.add(invalid(field, "unknown discovery credential: " + name));
      }
    }
  }

  private static void credentialEnvVars(
      CredentialProfile c, Set<String> seen, List<Violation> out) {
    for (String envVar : c.envVars()) {
      String trimmed = envVar.trim();
      if (trimmed.isEmpty()) {
        out.add(invalid("credentials.env_vars", "credential env var must not be empty"));
      } else if (REVISION_NAMESPACE_V.matcher(trimmed).matches()
          || REVISION_NAMESPACE_S.matcher(trimmed).matches()) {
        out.add(
            invalid(
                "credentials.env_vars",
                "credential env var '"
                    + envVar
                    + "' uses reserved OpenShell placeholder revision namespace"));
      } else if (!seen.add(trimmed)) {
        out.add(invalid("credentials.env_vars", "duplicate credential env var '" + envVar + "'"));
      }
    }
  }

  private static void authStyle(CredentialProfile c, List<Violation> out) {
    String style = c.authStyle().trim().toLowerCase(Locale.ROOT);
    switch (style) {
      case "", "basic" -> {}
      case "bearer", "header" -> {
        if (c.headerName().isBlank()) {
          out.add(
              invalid("credentials.header_name", "header_name is required for " + style + " auth"));
        }
      }
      case "path" -> {
        String template = c.pathTemplate().trim();
        if (template.isEmpty()) {
          out.add(invalid("credentials.path_template", "path_template is required for path auth"));
        } else {
          int count = occurrences(template, PATH_PLACEHOLDER);
          if (count != 1) {
            out.add(
                invalid(
                    "credentials.path_template",
                    "path_template should contain {credential} exactly once, "
                        + template
                        + " contains {credential} "
                        + count
                        + " times"));
          }
        }
      }
      case "query" -> {
        if (c.queryParam().isBlank()) {
          out.add(invalid("credentials.query_param", "query_param is required for query auth"));
        }
      }
      default ->
          out.add(invalid("credentials.auth_style", "unsupported auth_style: " + c.authStyle()));
    }
  }

  private static int occurrences(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      count++;
    }
    return count;
  }

  private static void refresh(
      ProviderProfile profile, CredentialProfile c, CredentialRefresh r, List<Violation> out) {
    if (r.strategy() == RefreshStrategy.UNSPECIFIED) {
      out.add(invalid("credentials.refresh.strategy", "refresh strategy is required"));
    }
    if (r.refreshBeforeSeconds() < 0) {
      out.add(
          invalid(
              "credentials.refresh.refresh_before_seconds",
              "refresh_before_seconds must be greater than or equal to 0"));
    }
    if (r.maxLifetimeSeconds() < 0) {
      out.add(
          invalid(
              "credentials.refresh.max_lifetime_seconds",
              "max_lifetime_seconds must be greater than or equal to 0"));
    }
    Set<String> materialNames = new HashSet<>();
    for (RefreshMaterial m : r.material()) {
      String name = m.name().trim();
      if (name.isEmpty()) {
        out.add(invalid("credentials.refresh.material.name", "refresh material name is required"));
      } else if (!materialNames.add(name)) {
        out.add(
            invalid(
                "credentials.refresh.material.name", "duplicate refresh material name: " + name));
      }
    }
    additionalOutputs(profile, c, r, out);
  }

  /** Outputs a strategy co-mints, with the env var each must land in (aws_sts_assume_role only). */
  private static Map<String, String> strategyOutputs(RefreshStrategy s) {
    return s == RefreshStrategy.AWS_STS_ASSUME_ROLE
        ? Map.of("secret_access_key", "AWS_SECRET_ACCESS_KEY", "session_token", "AWS_SESSION_TOKEN")
        : Map.of();
  }

  private static final List<String> AWS_REQUIRED_OUTPUTS =
      List.of("secret_access_key", "session_token");

  private static void additionalOutputs(
      ProviderProfile profile, CredentialProfile c, CredentialRefresh r, List<Violation> out) {
    RefreshStrategy strategy = r.strategy();
    String strategyName = strategy.yamlName().isEmpty() ? "unspecified" : strategy.yamlName();
    Map<String, String> known = strategyOutputs(strategy);
    List<String> required =
        strategy == RefreshStrategy.AWS_STS_ASSUME_ROLE ? AWS_REQUIRED_OUTPUTS : List.of();
    String outputs = "credentials.refresh.additional_outputs";
    if (known.isEmpty() && !r.additionalOutputs().isEmpty()) {
      out.add(
          invalid(outputs, "strategy " + strategyName + " does not support additional_outputs"));
    }
    Set<String> seen = new HashSet<>();
    Set<String> mappedRequired = new HashSet<>();
    for (AdditionalOutput o : r.additionalOutputs()) {
      String output = o.output().trim();
      String credName = o.credential().trim();
      if (output.isEmpty()) {
        out.add(invalid(outputs + ".output", "refresh additional output id is required"));
        continue;
      }
      if (!seen.add(output)) {
        out.add(invalid(outputs + ".output", "duplicate refresh additional output: " + output));
      }
      if (known.containsKey(output)) {
        if (required.contains(output)) {
          mappedRequired.add(output);
        }
      } else if (!known.isEmpty()) {
        out.add(
            invalid(
                outputs + ".output",
                "strategy " + strategyName + " does not produce output '" + output + "'"));
      }
      Optional<CredentialProfile> sibling =
          profile.credentials().stream().filter(x -> x.name().equals(credName)).findFirst();
      if (sibling.isEmpty()) {
        out.add(
            invalid(
                outputs + ".credential",
                "refresh additional output '"
                    + output
                    + "' references unknown credential '"
                    + credName
                    + "'"));
        continue;
      }
      CredentialProfile target = sibling.get();
      if (target.refresh().isPresent()) {
        out.add(
            invalid(
                outputs + ".credential",
                "credential '"
                    + credName
                    + "' is a refresh output and must not declare its own refresh"));
      }
      if (target.envVars().size() != 1) {
        out.add(
            invalid(
                outputs + ".credential",
                "refresh output credential '" + credName + "' must declare exactly one env var"));
        continue;
      }
      String expected = known.get(output);
      String actual = target.envVars().get(0);
      if (expected != null && !actual.equals(expected)) {
        out.add(
            invalid(
                outputs + ".credential",
                "refresh output '"
                    + output
                    + "' must map to env var "
                    + expected
                    + ", found "
                    + actual));
      }
    }
    for (String output : required) {
      if (!mappedRequired.contains(output)) {
        out.add(
            invalid(
                outputs,
                "strategy " + strategyName + " requires additional output '" + output + "'"));
      }
    }
    if (strategy == RefreshStrategy.AWS_STS_ASSUME_ROLE
        && !c.envVars().equals(List.of("AWS_ACCESS_KEY_ID"))) {
      out.add(
          invalid(
              "credentials.env_vars",
              "strategy "
                  + strategyName
                  + " requires primary credential to map to env var AWS_ACCESS_KEY_ID"));
    }
  }

  private static void tokenGrant(
      CredentialProfile c, TokenGrant g, List<NetworkEndpoint> endpoints, List<Violation> out) {
    tokenEndpointProblem(g.tokenEndpoint())
        .ifPresent(m -> out.add(invalid("credentials.token_grant.token_endpoint", m)));
    // Same matching code as the cross-provider check of §6.3, restricted to one credential.
    for (TokenGrantBindings.OverrideConflict conflict :
        TokenGrantBindings.overrideConflicts(endpoints, c)) {
      out.add(invalid("credentials.token_grant.audience_overrides", conflict.message()));
    }
    String style = c.authStyle().trim().toLowerCase(Locale.ROOT);
    if (!style.isEmpty() && !style.equals("bearer") && !style.equals("header")) {
      out.add(
          invalid(
              "credentials.token_grant.auth_style",
              "token_grant credentials support auth_style bearer or header"));
      return;
    }
    String header =
        c.headerName().isBlank() && !style.equals("header")
            ? "Authorization"
            : c.headerName().trim();
    if (header.isEmpty()) {
      return;
    }
    if (!TCHAR.matcher(header).matches()) {
      out.add(
          invalid(
              "credentials.header_name",
              "token_grant header_name is not a valid HTTP header name"));
    } else if (FRAMING_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
      out.add(
          invalid(
              "credentials.header_name",
              "token_grant header_name may not override HTTP framing or connection headers"));
    }
  }

  /**
   * Why a token endpoint is unusable: it must be an absolute URL using https, or http to a loopback
   * or in-cluster service host.
   */
  static Optional<String> tokenEndpointProblem(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint.strip());
    } catch (URISyntaxException e) {
      return Optional.of("token_endpoint must be an absolute URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque()) {
      return Optional.of("token_endpoint must be an absolute URL");
    }
    String host = uri.getHost();
    boolean special = scheme.equals("http") || scheme.equals("https");
    if (special && (host == null || host.isEmpty())) {
      return Optional.of("token_endpoint must be an absolute URL");
    }
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (scheme.equals("http")
        && (IpLiterals.isLoopbackHost(host) || IpLiterals.isKubernetesServiceHost(host))) {
      return Optional.empty();
    }
    return Optional.of(
        "token_endpoint must use https, except http for loopback or in-cluster service hosts");
  }

  private static void endpoint(
      int i, NetworkEndpoint ep, boolean credentialed, List<Violation> out) {
    String at = "endpoints[" + i + "]";
    if (!endpointIsValid(ep)) {
      out.add(invalid(at, "invalid endpoint '" + ep.host() + ":" + ep.port() + "'"));
    }
    if (ep.credentialBinding().isPresent()) {
      out.add(
          invalid(
              at + ".credential_binding",
              "credential_binding references a concrete sandbox provider and is only valid in"
                  + " sandbox policy"));
    }
    for (String reason : L7Semantics.semantics(ep)) {
      out.add(invalid(at, reason));
    }
    for (String reason : L7Semantics.explicitTcpFieldCheck(ep, true)) {
      out.add(invalid(at, reason));
    }
    for (L7Finding f : L7Semantics.mcpRules(ep)) {
      out.add(invalid(f.fieldUnder(at), f.reason()));
    }
    if (credentialed && !ep.allowUninspectedCredentials()) {
      String mode =
          ep.protocol().isBlank()
              ? "L4-only"
              : ep.tls().equalsIgnoreCase("skip") ? "tls: skip" : "";
      if (!mode.isEmpty()) {
        int port = ep.effectivePorts().isEmpty() ? 0 : ep.effectivePorts().get(0);
        out.add(
            Violation.error(
                ViolationCode.INVALID_PROFILE,
                at + ".allow_uninspected_credentials",
                "credentialed endpoint '"
                    + ep.host()
                    + ":"
                    + port
                    + "' uses "
                    + mode
                    + "; configure L7 inspection or explicitly set allow_uninspected_credentials:"
                    + " true"));
      }
    }
  }

  private static boolean endpointIsValid(NetworkEndpoint ep) {
    if (ep.host().isBlank()) {
      return false;
    }
    if (!ep.ports().isEmpty()) {
      return ep.ports().stream().allMatch(p -> p >= 1 && p <= 65_535);
    }
    return ep.port() >= 1 && ep.port() <= 65_535;
  }

  private static Violation invalid(String field, String message) {
    return Violation.error(ViolationCode.INVALID_PROFILE, field, message);
  }

  private static ProfileDiagnostic diag(int index, String id, Violation v) {
    return new ProfileDiagnostic(index, id, v);
  }
}
