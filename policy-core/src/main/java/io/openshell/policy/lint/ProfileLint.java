package io.openshell.policy.lint;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.match.TokenGrantBindings;
import io.openshell.policy.model.AdditionalOutput;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.CredentialRefresh;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.QueryMatcher;
import io.openshell.policy.model.RefreshMaterial;
import io.openshell.policy.model.RefreshStrategy;
import io.openshell.policy.model.TokenGrant;
import io.openshell.policy.validate.IpLiterals;
import io.openshell.policy.validate.L7Finding;
import io.openshell.policy.validate.L7Semantics;
import io.openshell.policy.validate.RustText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
    String id = RustText.asciiLower(RustText.trim(input));
    return isCanonicalId(id) ? Optional.of(id) : Optional.empty();
  }

  /**
   * Import and lint of a batch, in the gateway's order (provider.rs handle_import/lint): the
   * import-item check ({@code credential_binding} on an endpoint, which only a profile that did not
   * come from a file can carry: files drop the field as OpenShell's serde DTO does); an empty batch
   * is refused ("at least one provider profile is required", field {@code profiles}, index -1);
   * then for each profile whose id normalises (trim, ASCII lower-case, provider.rs:2934-2950), the
   * conflict checks (a built-in id "...cannot be overwritten", an existing custom id "...already
   * exists", a warning when a workspace profile shadows a platform one); then {@link
   * #validateProfileSet} over the whole batch.
   */
  public static List<ProfileDiagnostic> lintForImport(
      List<ProviderProfile> batch, LintContext ctx) {
    List<ProfileDiagnostic> out = new ArrayList<>(importItemChecks(batch));
    if (batch.isEmpty() && out.isEmpty()) {
      out.add(diag(-1, "", invalid("profiles", "at least one provider profile is required")));
    }
    for (int i = 0; i < batch.size(); i++) {
      Optional<String> normalized = normalizeId(batch.get(i).id());
      if (normalized.isEmpty()) {
        continue;
      }
      String id = normalized.get();
      if (ctx.builtinIds().contains(id)) {
        out.add(diag(i, id, builtinReadOnly(ViolationCode.PROFILE_CONFLICT, id, "overwritten")));
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
    out.addAll(lintSet(batch));
    for (int i = 0; i < batch.size(); i++) {
      for (Violation v : kubernetesLimits(batch.get(i))) {
        out.add(diag(i, RustText.trim(batch.get(i).id()), v));
      }
    }
    return List.copyOf(out);
  }

  /** The ProviderProfile CRD's {@code metadata.name} limit (CEL rule). */
  public static final int MAX_ID_LENGTH = 63;

  /** The ProviderProfile CRD's {@code spec.endpoints} {@code maxItems}. */
  public static final int MAX_ENDPOINTS = 128;

  private static final String CRD_LIMIT =
      " (the ProviderProfile CRD's limit; the Kubernetes API server would refuse it)";

  /**
   * Limits of the ProviderProfile CRD that OpenShell does not have (crds/src/main/crds): an id of
   * at most 63 characters and at most 128 endpoints. A deliberate deviation (see
   * docs/operator-decisions.md): import and lint say so before the API server refuses the object.
   */
  static List<Violation> kubernetesLimits(ProviderProfile p) {
    List<Violation> out = new ArrayList<>();
    String id = RustText.trim(p.id());
    if (id.length() > MAX_ID_LENGTH) {
      out.add(
          invalid(
              "id",
              "provider profile id must be at most "
                  + MAX_ID_LENGTH
                  + " characters, got "
                  + id.length()
                  + CRD_LIMIT));
    }
    if (p.endpoints().size() > MAX_ENDPOINTS) {
      out.add(
          invalid(
              "endpoints",
              "a provider profile may declare at most "
                  + MAX_ENDPOINTS
                  + " endpoints, got "
                  + p.endpoints().size()
                  + CRD_LIMIT));
    }
    return out;
  }

  private static Violation builtinReadOnly(ViolationCode code, String id, String verb) {
    return Violation.error(
        code,
        "id",
        "provider profile '"
            + id
            + "' is managed by source '"
            + ProfileSource.BUILTIN.label()
            + "' and cannot be "
            + verb);
  }

  /**
   * Update of the stored custom profile {@code targetId} with {@code profile}, in the gateway's
   * order (provider.rs:2481-2532): the import-item check; the target must be a valid id; a payload
   * id that normalises to another id is a mismatch (reported normalised); a built-in target ends
   * the target checks, else it must exist; a payload id that is a built-in "cannot be updated";
   * then the profile's own lint; last, the non-zero resource_version it was exported with.
   */
  public static List<Violation> lintForUpdate(
      String targetId, ProviderProfile profile, LintContext ctx) {
    List<Violation> out = new ArrayList<>();
    importItemChecks(List.of(profile)).forEach(d -> out.add(d.violation()));
    Optional<String> target = normalizeId(targetId);
    if (RustText.isBlank(targetId)) {
      out.add(Violation.error(ViolationCode.INVALID_PROFILE, "id", "id is required"));
    } else if (target.isEmpty()) {
      out.add(
          Violation.error(
              ViolationCode.INVALID_PROFILE,
              "id",
              "id must be lowercase kebab-case using only a-z, 0-9, and '-'"));
    } else {
      updateTargetChecks(target.get(), profile, ctx, out);
    }
    out.addAll(lintSet(List.of(profile)).stream().map(ProfileDiagnostic::violation).toList());
    out.addAll(kubernetesLimits(profile));
    if (profile.resourceVersion() == 0) {
      out.add(
          Violation.error(
              ViolationCode.STALE_RESOURCE_VERSION,
              "resource_version",
              "custom provider profile update requires a non-zero resource_version; export the"
                  + " current profile before editing it"));
    }
    return List.copyOf(out);
  }

  /** {@code profile_update_target_diagnostics} (provider.rs:2986-3050). */
  private static void updateTargetChecks(
      String id, ProviderProfile profile, LintContext ctx, List<Violation> out) {
    Optional<String> payloadId = normalizeId(profile.id());
    if (payloadId.isPresent() && !payloadId.get().equals(id)) {
      out.add(
          Violation.error(
              ViolationCode.INVALID_PROFILE,
              "id",
              "provider profile update target '"
                  + id
                  + "' does not match payload id '"
                  + payloadId.get()
                  + "'"));
    }
    if (ctx.builtinIds().contains(id)) {
      out.add(builtinReadOnly(ViolationCode.BUILTIN_READ_ONLY, id, "updated"));
      return;
    }
    if (!ctx.customIds().contains(id)) {
      out.add(
          Violation.error(
              ViolationCode.PROFILE_CONFLICT,
              "id",
              "custom provider profile '" + id + "' does not exist"));
    }
    if (payloadId.isPresent() && ctx.builtinIds().contains(payloadId.get())) {
      out.add(builtinReadOnly(ViolationCode.BUILTIN_READ_ONLY, payloadId.get(), "updated"));
    }
  }

  /** The lint of one stored profile on its own (no conflict checks). */
  public static List<Violation> lintProfile(ProviderProfile profile) {
    return validateProfileSet(List.of(profile)).stream().map(ProfileDiagnostic::violation).toList();
  }

  /**
   * The import-item check and OpenShell's {@code validate_profile_set} (see {@link #lintSet}) of
   * profiles that arrive as resources rather than files (the gateway's proto import path).
   */
  public static List<ProfileDiagnostic> validateProfileSet(List<ProviderProfile> profiles) {
    List<ProfileDiagnostic> out = new ArrayList<>(importItemChecks(profiles));
    out.addAll(lintSet(profiles));
    return List.copyOf(out);
  }

  /**
   * {@code profiles_from_import_items} (provider.rs:2895-2904): a profile endpoint must not carry a
   * {@code credential_binding}. Profile files never do (their reader drops the field, as
   * OpenShell's serde DTO has none); a resource can.
   */
  private static List<ProfileDiagnostic> importItemChecks(List<ProviderProfile> profiles) {
    List<ProfileDiagnostic> out = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      ProviderProfile p = profiles.get(i);
      for (int e = 0; e < p.endpoints().size(); e++) {
        if (p.endpoints().get(e).credentialBinding().isPresent()) {
          out.add(
              diag(
                  i,
                  p.id(),
                  invalid(
                      "endpoints[" + e + "].credential_binding",
                      "credential_binding references a concrete sandbox provider and is only"
                          + " valid in sandbox policy")));
        }
      }
    }
    return out;
  }

  /**
   * A profile as the gateway sees it ({@code to_proto} then {@code from_proto}, profiles.rs:1256-
   * 1352): an MCP {@code tool} matcher is folded into {@code params.name} unless that is already
   * set, and {@code tool} is dropped. Reading a file again gives the same profile.
   */
  public static ProviderProfile lowered(ProviderProfile p) {
    boolean anyTool =
        p.endpoints().stream()
            .anyMatch(
                e ->
                    e.rules().stream().anyMatch(r -> r.allow().tool().isPresent())
                        || e.denyRules().stream().anyMatch(m -> m.tool().isPresent()));
    if (!anyTool) {
      return p;
    }
    List<NetworkEndpoint> endpoints =
        p.endpoints().stream()
            .map(
                e ->
                    e.toBuilder()
                        .rules(e.rules().stream().map(r -> new L7Rule(lowered(r.allow()))).toList())
                        .denyRules(e.denyRules().stream().map(ProfileLint::lowered).toList())
                        .build())
            .toList();
    return new ProviderProfile(
        p.id(),
        p.resourceVersion(),
        p.annotations(),
        p.displayName(),
        p.description(),
        p.category(),
        p.inferenceCapable(),
        p.credentials(),
        p.discoveryCredentials(),
        endpoints,
        p.binaries());
  }

  private static L7Match lowered(L7Match m) {
    if (m.tool().isEmpty()) {
      return m;
    }
    Map<String, QueryMatcher> params = new LinkedHashMap<>(m.params());
    params.putIfAbsent("name", m.tool().get());
    return new L7Match(
        m.method(),
        m.path(),
        m.command(),
        m.query(),
        m.operationType(),
        m.operationName(),
        m.fields(),
        params,
        Optional.empty());
  }

  /**
   * OpenShell's {@code validate_profile_set} over the lowered profiles ({@link #lowered}): for each
   * profile in order, id (required, canonical, unique in the batch), credentials (names, discovery,
   * env vars, auth_style, refresh, token_grant), endpoints (validity, L7 semantics, MCP rules,
   * credentialed endpoints), binaries.
   */
  private static List<ProfileDiagnostic> lintSet(List<ProviderProfile> profiles) {
    List<ProfileDiagnostic> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < profiles.size(); i++) {
      ProviderProfile profile = lowered(profiles.get(i));
      String id = RustText.trim(profile.id());
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
      String name = RustText.trim(c.name());
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
      if (RustText.isBlank(profile.binaries().get(i).path())) {
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
      String name = RustText.trim(names.get(i));
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
      String trimmed = RustText.trim(envVar);
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
    String style = RustText.asciiLower(RustText.trim(c.authStyle()));
    switch (style) {
      case "", "basic" -> {}
      case "bearer", "header" -> {
        if (RustText.isBlank(c.headerName())) {
          out.add(
              invalid("credentials.header_name", "header_name is required for " + style + " auth"));
        }
      }
      case "path" -> {
        String template = RustText.trim(c.pathTemplate());
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
        if (RustText.isBlank(c.queryParam())) {
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
      String name = RustText.trim(m.name());
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
      String output = RustText.trim(o.output());
      String credName = RustText.trim(o.credential());
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
    String style = RustText.asciiLower(RustText.trim(c.authStyle()));
    if (!style.isEmpty() && !style.equals("bearer") && !style.equals("header")) {
      out.add(
          invalid(
              "credentials.token_grant.auth_style",
              "token_grant credentials support auth_style bearer or header"));
      return;
    }
    String header =
        RustText.isBlank(c.headerName()) && !style.equals("header")
            ? "Authorization"
            : RustText.trim(c.headerName());
    if (header.isEmpty()) {
      return;
    }
    if (!TCHAR.matcher(header).matches()) {
      out.add(
          invalid(
              "credentials.header_name",
              "token_grant header_name is not a valid HTTP header name"));
    } else if (FRAMING_HEADERS.contains(RustText.asciiLower(header))) {
      out.add(
          invalid(
              "credentials.header_name",
              "token_grant header_name may not override HTTP framing or connection headers"));
    }
  }

  /**
   * Why a token endpoint is unusable (profiles.rs:2549-2618): it must parse as a WHATWG URL ({@link
   * WhatwgUrl}) and use https, or http to a loopback or in-cluster service host.
   */
  static Optional<String> tokenEndpointProblem(String endpoint) {
    Optional<WhatwgUrl.Parsed> url = WhatwgUrl.parse(endpoint);
    if (url.isEmpty()) {
      return Optional.of("token_endpoint must be an absolute URL");
    }
    String scheme = url.get().scheme();
    String host = url.get().host();
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (scheme.equals("http")
        && !host.isEmpty()
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
      out.add(invalid(at, "invalid endpoint '" + ep.host() + ":" + authoredPort(ep) + "'"));
    }
    for (String reason : L7Semantics.profileSemantics(ep)) {
      out.add(invalid(at, reason));
    }
    for (String reason : L7Semantics.explicitTcpFieldCheck(ep, true)) {
      out.add(invalid(at, reason));
    }
    for (L7Finding f : L7Semantics.mcpRules(ep)) {
      out.add(invalid(f.fieldUnder(at), f.reason()));
    }
    // profiles.rs:2229-2248: trimmed protocol/tls, ASCII case, the authored port (0 with ports).
    boolean l4 = RustText.isBlank(ep.protocol());
    if (credentialed
        && !ep.allowUninspectedCredentials()
        && (l4 || RustText.eqIgnoreAsciiCase(RustText.trim(ep.tls()), "skip"))) {
      out.add(
          Violation.error(
              ViolationCode.INVALID_PROFILE,
              at + ".allow_uninspected_credentials",
              "credentialed endpoint '"
                  + ep.host()
                  + ":"
                  + authoredPort(ep)
                  + "' uses "
                  + (l4 ? "L4-only" : "tls: skip")
                  + "; configure L7 inspection or explicitly set allow_uninspected_credentials:"
                  + " true"));
    }
  }

  /**
   * The authored {@code port} as OpenShell's u32 prints it: profile ports above 2^31-1 are kept in
   * the int's bits by the file reader.
   */
  private static String authoredPort(NetworkEndpoint ep) {
    return Integer.toUnsignedString(ep.port());
  }

  private static boolean endpointIsValid(NetworkEndpoint ep) {
    if (RustText.isBlank(ep.host())) {
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
