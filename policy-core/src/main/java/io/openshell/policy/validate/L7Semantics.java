package io.openshell.policy.validate;

import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.QueryMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * OpenShell's L7 endpoint semantics ({@code l7_validate.rs::validate_l7_endpoint_semantics} and its
 * companions, §1.6 and §2.5), shared by profile lint and gateway policy validation so that the two
 * can never drift. Every method returns bare reasons in OpenShell's exact words, in OpenShell's
 * order; callers add the location.
 *
 * <ul>
 *   <li>{@link #semantics} — the ten shared checks (both callers).
 *   <li>{@link #explicitTcpFields} — "protocol tcp does not support L7-only fields" (both; profiles
 *       also count the signing fields).
 *   <li>{@link #runtimeChecks} — path, persisted_queries, SQL enforcement and GraphQL operation
 *       types (gateway policy validation only).
 *   <li>{@link #mcpRules} — MCP rule checks and the "only valid for protocol mcp" checks (profile
 *       lint).
 * </ul>
 */
public final class L7Semantics {
  private L7Semantics() {}

  /**
   * The protocols that enable L7 inspection (lower-case). {@code tcp} is L4 and not one of them.
   */
  public static final Set<String> L7_PROTOCOLS =
      Set.of("rest", "websocket", "graphql", "sql", "json-rpc", "mcp");

  private static final Set<String> GRAPHQL_OPERATION_TYPES =
      Set.of("query", "mutation", "subscription");

  static final String MCP_OPTIONS_NOT_MCP = "mcp options are only valid for protocol mcp";
  private static final String BROAD_ALLOW =
      "method matcher allows every tool call and conflicts with MCP tool allow rules; add tool or"
          + " params.name to narrow tools/call, or remove the tool allow rules";
  private static final String BROAD_DENY =
      "method matcher denies every tool call and conflicts with MCP tool allow rules; add tool or"
          + " params.name to deny specific tools, or remove the tool allow rules";

  /** Whether {@code protocol} is OpenShell's explicit L4 spelling {@code tcp} (any case). */
  public static boolean isExplicitTcp(String protocol) {
    return RustText.eqIgnoreAsciiCase(protocol, "tcp");
  }

  /** The lower-cased L7 protocol, or empty when {@code protocol} is blank, tcp or unknown. */
  public static Optional<String> l7Protocol(String protocol) {
    String p = RustText.asciiLower(protocol);
    return L7_PROTOCOLS.contains(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * An allow clause allows nothing when none of method, path, command, operation_type,
   * operation_name, fields, params or tool is set (query alone does not count, as in the gateway).
   */
  public static boolean allowsNothing(L7Match allow) {
    return allow.method().isEmpty()
        && allow.path().isEmpty()
        && allow.command().isEmpty()
        && allow.operationType().isEmpty()
        && allow.operationName().isEmpty()
        && allow.fields().isEmpty()
        && allow.params().isEmpty()
        && allow.tool().isEmpty();
  }

  /**
   * The provider profile's narrower predicate ({@code L7AllowProfile::is_effectively_empty},
   * profiles.rs:293-300): method, path, command, operation_type and operation_name empty and no
   * tool selector ({@code tool} or {@code params.name}). {@code fields} and other {@code params}
   * keys do not count, so {@code allow: {fields: [viewer]}} allows nothing in a profile.
   */
  public static boolean profileAllowsNothing(L7Match allow) {
    return allow.method().isEmpty()
        && allow.path().isEmpty()
        && allow.command().isEmpty()
        && allow.operationType().isEmpty()
        && allow.operationName().isEmpty()
        && !hasToolSelector(allow);
  }

  /** True when rules are given and every one of them allows nothing. */
  public static boolean rulesWouldDenyAll(List<L7Rule> rules) {
    return rulesWouldDenyAll(rules, L7Semantics::allowsNothing);
  }

  private static boolean rulesWouldDenyAll(List<L7Rule> rules, Predicate<L7Match> allowsNothing) {
    if (rules.isEmpty()) {
      return false;
    }
    for (L7Rule r : rules) {
      if (!allowsNothing.test(r.allow())) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowAllKnownMcpMethods(NetworkEndpoint ep) {
    return ep.mcp().map(McpOptions::allowAllKnownMcpMethods).orElse(false);
  }

  /**
   * The ten shared semantic checks, in OpenShell's order: unknown protocol; tcp with L7 fields;
   * rules and access exclusive; no access presets for json-rpc/mcp; json-rpc needs rules;
   * rest/websocket/graphql/sql need rules or access; mcp needs rules unless allow-all; rules that
   * deny all; deny_rules need a protocol; deny_rules need a base allow set (not for mcp).
   */
  public static List<String> semantics(NetworkEndpoint ep) {
    return semantics(ep, L7Semantics::allowsNothing);
  }

  /**
   * {@link #semantics} for a provider profile endpoint: the deny-all check uses {@link
   * #profileAllowsNothing} (profiles.rs:1907-1913).
   */
  public static List<String> profileSemantics(NetworkEndpoint ep) {
    return semantics(ep, L7Semantics::profileAllowsNothing);
  }

  private static List<String> semantics(NetworkEndpoint ep, Predicate<L7Match> allowsNothing) {
    List<String> errors = new ArrayList<>();
    String protocol = ep.protocol();
    Optional<String> l7 = l7Protocol(protocol);
    boolean tcp = isExplicitTcp(protocol);
    boolean mcp = l7.isPresent() && l7.get().equals("mcp");
    boolean jsonRpc = l7.isPresent() && l7.get().equals("json-rpc");
    boolean hasRules = !ep.rules().isEmpty();
    boolean hasDeny = !ep.denyRules().isEmpty();
    boolean hasAccess = !ep.access().isEmpty();
    boolean allowAll = allowAllKnownMcpMethods(ep);

    if (!protocol.isEmpty() && l7.isEmpty() && !tcp) {
      errors.add(
          "unknown protocol '"
              + protocol
              + "' (expected tcp, rest, websocket, graphql, sql, json-rpc, or mcp)");
    }
    if (tcp && (hasAccess || hasRules || hasDeny)) {
      errors.add(
          "protocol tcp does not support access, rules, or deny_rules; remove those L7 fields");
    }
    if (hasRules && hasAccess) {
      errors.add("rules and access are mutually exclusive");
    }
    if ((mcp || jsonRpc) && hasAccess) {
      if (mcp) {
        errors.add(
            "protocol "
                + protocol
                + " does not support access presets; use rules/deny_rules or set"
                + " mcp.allow_all_known_mcp_methods: true for an allow-all MCP policy");
      } else {
        errors.add(
            "protocol "
                + protocol
                + " does not support access presets; use explicit rules with allow.method such as"
                + " \"*\"");
      }
    }
    if (jsonRpc && !hasRules && !hasAccess) {
      errors.add("protocol " + protocol + " requires explicit rules with allow.method");
    }
    if (l7.isPresent() && !mcp && !jsonRpc && !hasRules && !hasAccess) {
      errors.add("protocol requires rules or access to define allowed traffic");
    }
    if (mcp && !hasRules && !hasAccess && !allowAll) {
      errors.add("protocol mcp requires rules when mcp.allow_all_known_mcp_methods is false");
    }
    if (rulesWouldDenyAll(ep.rules(), allowsNothing) && !(mcp && allowAll)) {
      errors.add(
          "rules would deny all traffic (no allow clause found). Use `access: full` or add allow"
              + " clauses to rules.");
    }
    if (hasDeny && l7.isEmpty()) {
      errors.add("deny_rules require protocol (L7 inspection must be enabled)");
    }
    if (hasDeny && !mcp && !hasRules && !hasAccess) {
      errors.add("deny_rules require rules or access to define the base allow set");
    }
    return errors;
  }

  /**
   * The authored L7-only fields of an explicit-tcp endpoint (non-default values), in OpenShell's
   * order. Profiles ({@code includeSigning}) also count credential_signing, signing_service and
   * signing_region.
   */
  public static List<String> explicitTcpFields(NetworkEndpoint ep, boolean includeSigning) {
    List<String> present = new ArrayList<>();
    if (!isExplicitTcp(ep.protocol())) {
      return present;
    }
    if (!ep.enforcement().isEmpty()) {
      present.add("enforcement");
    }
    if (!ep.path().isEmpty()) {
      present.add("path");
    }
    if (ep.allowEncodedSlash()) {
      present.add("allow_encoded_slash");
    }
    if (ep.websocketCredentialRewrite()) {
      present.add("websocket_credential_rewrite");
    }
    if (ep.requestBodyCredentialRewrite()) {
      present.add("request_body_credential_rewrite");
    }
    if (!ep.persistedQueries().isEmpty()) {
      present.add("persisted_queries");
    }
    if (!ep.graphqlPersistedQueries().isEmpty()) {
      present.add("graphql_persisted_queries");
    }
    if (ep.graphqlMaxBodyBytes() > 0) {
      present.add("graphql_max_body_bytes");
    }
    if (ep.jsonRpcMaxBodyBytes() > 0) {
      present.add("json_rpc_max_body_bytes");
    }
    if (ep.mcp().isPresent()) {
      present.add("mcp");
    }
    if (includeSigning) {
      if (!ep.credentialSigning().isEmpty()) {
        present.add("credential_signing");
      }
      if (!ep.signingService().isEmpty()) {
        present.add("signing_service");
      }
      if (!ep.signingRegion().isEmpty()) {
        present.add("signing_region");
      }
    }
    return present;
  }

  /**
   * "protocol tcp does not support L7-only fields: {f1, f2}; remove those fields" when an
   * explicit-tcp endpoint carries any of {@link #explicitTcpFields}; empty otherwise.
   */
  public static List<String> explicitTcpFieldCheck(NetworkEndpoint ep, boolean includeSigning) {
    List<String> present = explicitTcpFields(ep, includeSigning);
    if (present.isEmpty()) {
      return List.of();
    }
    return List.of(
        "protocol tcp does not support L7-only fields: "
            + String.join(", ", present)
            + "; remove those fields");
  }

  /**
   * Gateway-only endpoint checks (§1.6): path must start with {@code /} or be {@code **};
   * persisted_queries is {@code deny} or {@code allow_registered}; SQL cannot enforce; GraphQL
   * allow/deny rules and persisted queries need an operation type; mcp options only on mcp.
   */
  public static List<String> runtimeChecks(NetworkEndpoint ep) {
    List<String> errors = new ArrayList<>();
    if (!ep.path().isEmpty() && !ep.path().startsWith("/") && !ep.path().equals("**")) {
      errors.add("path must start with '/' or be '**'");
    }
    if (!ep.persistedQueries().isEmpty()
        && !ep.persistedQueries().equals("deny")
        && !ep.persistedQueries().equals("allow_registered")) {
      errors.add(
          "persisted_queries must be 'deny' or 'allow_registered', got '"
              + ep.persistedQueries()
              + "'");
    }
    if (ep.protocol().equals("sql") && ep.enforcement().equals("enforce")) {
      errors.add("SQL enforcement requires full SQL parsing; use enforcement: audit");
    }
    if (ep.protocol().equals("graphql")) {
      for (int i = 0; i < ep.rules().size(); i++) {
        if (!GRAPHQL_OPERATION_TYPES.contains(ep.rules().get(i).allow().operationType())) {
          errors.add(
              "rules[" + i + "].allow.operation_type must be query, mutation, or subscription");
        }
      }
      for (int i = 0; i < ep.denyRules().size(); i++) {
        if (!GRAPHQL_OPERATION_TYPES.contains(ep.denyRules().get(i).operationType())) {
          errors.add(
              "deny_rules[" + i + "].operation_type must be query, mutation, or subscription");
        }
      }
      ep.graphqlPersistedQueries()
          .forEach(
              (key, op) -> {
                if (!GRAPHQL_OPERATION_TYPES.contains(op.operationType())) {
                  errors.add(
                      "graphql_persisted_queries["
                          + key
                          + "].operation_type must be query, mutation, or subscription");
                }
              });
    }
    if (!ep.protocol().equals("mcp") && ep.mcp().isPresent()) {
      errors.add(MCP_OPTIONS_NOT_MCP);
    }
    return errors;
  }

  /**
   * MCP rule checks of §2.5 for {@code protocol: mcp} endpoints (tool vs params.name, tools/call
   * method, required method, method globs, path/query, params keys, matcher shape, wildcard tools
   * with strict_tool_names off, broad tools/call rules next to tool allow rules); for other
   * endpoints, mcp options, {@code tool} and {@code params} are refused. Sub-fields are relative to
   * the endpoint ({@code rules[j].allow}, {@code deny_rules[j].method}...).
   */
  public static List<L7Finding> mcpRules(NetworkEndpoint ep) {
    List<L7Finding> out = new ArrayList<>();
    if (!ep.protocol().equals("mcp")) {
      if (ep.mcp().isPresent()) {
        out.add(L7Finding.here(MCP_OPTIONS_NOT_MCP));
      }
      for (int j = 0; j < ep.rules().size(); j++) {
        nonMcpSelectors(out, "rules[" + j + "].allow", ep.rules().get(j).allow());
      }
      for (int j = 0; j < ep.denyRules().size(); j++) {
        nonMcpSelectors(out, "deny_rules[" + j + "]", ep.denyRules().get(j));
      }
      return out;
    }
    boolean allowAll = allowAllKnownMcpMethods(ep);
    boolean strict = ep.mcp().map(McpOptions::strictToolNames).orElse(true);
    for (int j = 0; j < ep.rules().size(); j++) {
      mcpSelector(out, "rules[" + j + "].allow", ep.rules().get(j).allow(), allowAll, strict);
    }
    for (int j = 0; j < ep.denyRules().size(); j++) {
      mcpSelector(out, "deny_rules[" + j + "]", ep.denyRules().get(j), allowAll, strict);
    }
    boolean toolAllowRules = false;
    for (L7Rule r : ep.rules()) {
      if (hasToolSelector(r.allow())) {
        toolAllowRules = true;
        break;
      }
    }
    if (toolAllowRules) {
      for (int j = 0; j < ep.rules().size(); j++) {
        L7Match allow = ep.rules().get(j).allow();
        if (!hasToolSelector(allow)
            && (methodMatchesToolsCall(allow.method()) || (allow.method().isEmpty() && allowAll))) {
          out.add(new L7Finding("rules[" + j + "].allow", BROAD_ALLOW));
        }
      }
      for (int j = 0; j < ep.denyRules().size(); j++) {
        L7Match deny = ep.denyRules().get(j);
        if (!hasToolSelector(deny) && methodMatchesToolsCall(deny.method())) {
          out.add(new L7Finding("deny_rules[" + j + "]", BROAD_DENY));
        }
      }
    }
    return out;
  }

  private static void nonMcpSelectors(List<L7Finding> out, String loc, L7Match m) {
    if (m.tool().isPresent()) {
      out.add(new L7Finding(loc + ".tool", "MCP tool matching is only valid for protocol mcp"));
    }
    if (!m.params().isEmpty()) {
      out.add(new L7Finding(loc + ".params", "params matching is only valid for protocol mcp"));
    }
  }

  private static void mcpSelector(
      List<L7Finding> out, String loc, L7Match m, boolean allowAll, boolean strict) {
    if (m.tool().isPresent() && m.params().containsKey("name")) {
      out.add(new L7Finding(loc, "MCP rules must use either tool or params.name, not both"));
    }
    if (hasToolSelector(m) && !m.method().isEmpty() && !m.method().equals("tools/call")) {
      out.add(
          new L7Finding(
              loc, "method must be tools/call when an MCP rule uses tool or params.name"));
    }
    if (m.method().isEmpty() && !allowAll) {
      out.add(
          new L7Finding(loc, "method is required when mcp.allow_all_known_mcp_methods is false"));
    }
    if (usesWildcard(m.method()) && !m.method().startsWith("tools/")) {
      out.add(
          new L7Finding(
              loc + ".method",
              "MCP method globs are only valid for the tools/ method family; omit method to use"
                  + " the endpoint method profile"));
    }
    if (!m.path().isEmpty() || !m.query().isEmpty()) {
      out.add(new L7Finding(loc, "mcp L7 rules must use method/tool, not path/query"));
    }
    for (String key : m.params().keySet()) {
      if (!key.equals("name")) {
        out.add(
            new L7Finding(
                loc + ".params." + key, "MCP tool argument matching is not supported yet"));
      }
    }
    if (m.tool().isPresent()) {
      matcher(out, loc + ".tool", m.tool().get(), strict);
    }
    QueryMatcher name = m.params().get("name");
    if (name != null) {
      matcher(out, loc + ".params.name", name, strict);
    }
  }

  private static void matcher(List<L7Finding> out, String field, QueryMatcher m, boolean strict) {
    boolean glob = m.glob().filter(g -> !g.isEmpty()).isPresent();
    if (glob && !m.any().isEmpty()) {
      out.add(new L7Finding(field, "matcher cannot specify both glob and any"));
    }
    if (!glob && m.any().isEmpty()) {
      out.add(new L7Finding(field, "matcher must specify glob or any"));
    }
    boolean wildcard =
        m.glob().filter(L7Semantics::usesWildcard).isPresent()
            || m.any().stream().anyMatch(L7Semantics::usesWildcard);
    if (!strict && wildcard) {
      out.add(
          new L7Finding(
              field,
              "wildcard tool-name matchers require mcp.strict_tool_names to remain enabled"));
    }
  }

  /** An MCP rule selects tools when it has {@code tool} or {@code params.name}. */
  public static boolean hasToolSelector(L7Match m) {
    return m.tool().isPresent() || m.params().containsKey("name");
  }

  private static boolean usesWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  /** Whether an MCP method matcher matches {@code tools/call} ({@code *} included). */
  static boolean methodMatchesToolsCall(String method) {
    if (method.equals("tools/call") || method.equals("*")) {
      return true;
    }
    return !method.isEmpty()
        && globToRegex(method).map(p -> p.matcher("tools/call").matches()).orElse(false);
  }

  /**
   * A shell-style glob ({@code *}, {@code ?}, {@code [..]}, {@code [!..]}; {@code *} crosses {@code
   * /}) as a regex; empty when the glob is malformed (an unclosed class).
   */
  static Optional<Pattern> globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            return Optional.empty();
          }
          String body = glob.substring(i + 1, end);
          boolean negate = body.startsWith("!");
          if (negate) {
            body = body.substring(1);
          }
          re.append('[').append(negate ? "^" : "");
          for (char b : body.toCharArray()) {
            // Ranges keep their '-'; everything else that is not alphanumeric is escaped.
            re.append(b == '-' || Character.isLetterOrDigit(b) ? String.valueOf(b) : "\\" + b);
          }
          re.append(']');
          i = end;
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Optional.of(Pattern.compile(re.toString()));
  }
}
