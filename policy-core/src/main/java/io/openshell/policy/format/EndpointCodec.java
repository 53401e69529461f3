package io.openshell.policy.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.GraphqlPersistedQuery;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.QueryMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the endpoint shape shared by policy files and profile files. The two dialects
 * differ (§1.3, §2.1): policies are strict, normalise {@code port}/{@code ports} and carry the
 * JSON-RPC body limit in {@code json_rpc:}/{@code mcp:} stanzas; profiles ignore unknown fields,
 * keep ports as authored and use a flat {@code json_rpc_max_body_bytes}.
 */
final class EndpointCodec {
  /** Which file the endpoint is in. */
  enum Dialect {
    POLICY,
    PROFILE
  }

  static final long U16_MAX = 65_535;
  static final long U32_MAX = 4_294_967_295L;

  /** What a profile endpoint said that the model cannot hold: an explicit empty list. */
  record EmptyLists(boolean rules, boolean denyRules) {}

  private EndpointCodec() {}

  // ---------------------------------------------------------------- reading

  static NetworkEndpoint readEndpoint(
      JsonNode node, String path, Dialect dialect, List<EmptyLists> emptyLists) {
    boolean policy = dialect == Dialect.POLICY;
    TreeReader r = TreeReader.of(node, path, policy);
    NetworkEndpoint.Builder b = NetworkEndpoint.builder();
    // serde: policy host has a default, profile host is required.
    b.host(policy ? r.str("host") : r.requiredStr("host"));
    // Policy DTO ports are u16 (parse rejects > 65535); profile DTO ports are u32, kept for the
    // lint, which refuses anything above 65535 and prints it unsigned (values above 2^31-1 keep
    // their bits in the int).
    long portMax = policy ? U16_MAX : U32_MAX;
    String portType = policy ? "u16" : "u32";
    int port = (int) r.integer("port", 0, portMax, portType);
    List<Integer> ports = r.ints("ports", 0, portMax, portType);
    if (policy) {
      // §1.3: ports wins when non-empty, else a set port becomes [port]; port = first port.
      List<Integer> effective = !ports.isEmpty() ? ports : port > 0 ? List.of(port) : List.of();
      b.port(effective.isEmpty() ? 0 : effective.get(0)).ports(effective);
    } else {
      b.port(port).ports(ports);
    }
    b.path(r.str("path"))
        .protocol(r.str("protocol"))
        .tls(r.str("tls"))
        .enforcement(r.str("enforcement"))
        .access(r.str("access"));
    boolean rulesGiven = r.has("rules");
    List<L7Rule> rules = r.listOf("rules", (n, p) -> readRule(n, p, policy));
    boolean denyGiven = r.has("deny_rules");
    List<L7Match> deny = r.listOf("deny_rules", (n, p) -> readMatch(n, p, policy));
    emptyLists.add(new EmptyLists(rulesGiven && rules.isEmpty(), denyGiven && deny.isEmpty()));
    b.rules(rules)
        .denyRules(deny)
        .allowedIps(r.strings("allowed_ips"))
        .allowEncodedSlash(r.bool("allow_encoded_slash", false))
        .websocketCredentialRewrite(r.bool("websocket_credential_rewrite", false))
        .requestBodyCredentialRewrite(r.bool("request_body_credential_rewrite", false))
        .allowUninspectedCredentials(r.bool("allow_uninspected_credentials", false))
        .credentialSigning(r.str("credential_signing"))
        .signingService(r.str("signing_service"))
        .signingRegion(r.str("signing_region"))
        // The profile DTO has no credential_binding and ignores unknown fields: dropped silently
        // (profiles.rs:199-250); only the policy DTO reads it.
        .credentialBinding(
            policy
                ? r.obj("credential_binding")
                    .map(
                        c -> {
                          CredentialBinding cb = new CredentialBinding(c.requiredStr("provider"));
                          c.finish();
                          return cb;
                        })
                : Optional.empty())
        .persistedQueries(r.str("persisted_queries"))
        .graphqlPersistedQueries(
            r.mapOf("graphql_persisted_queries", (n, p) -> readPersistedQuery(n, p, policy)))
        .graphqlMaxBodyBytes(r.integer("graphql_max_body_bytes", 0, U32_MAX, "u32"));
    if (policy) {
      long jsonRpcBody =
          r.obj("json_rpc")
              .map(
                  j -> {
                    long v = j.integer("max_body_bytes", 0, U32_MAX, "u32");
                    j.finish();
                    return v;
                  })
              .orElse(0L);
      Optional<TreeReader> mcp = r.obj("mcp");
      if (mcp.isPresent()) {
        TreeReader m = mcp.get();
        // OpenShell prefers the mcp stanza's limit whenever the stanza is present.
        jsonRpcBody = m.integer("max_body_bytes", 0, U32_MAX, "u32");
        // mcp_options() is None unless one of the two options is set (lib.rs:592-599), so a
        // stanza holding only max_body_bytes does not make the endpoint carry mcp options.
        if (m.has("strict_tool_names") || m.has("allow_all_known_mcp_methods")) {
          b.mcp(Optional.of(readMcpOptions(m)));
        }
        m.finish();
      }
      b.jsonRpcMaxBodyBytes(jsonRpcBody);
    } else {
      b.jsonRpcMaxBodyBytes(r.integer("json_rpc_max_body_bytes", 0, U32_MAX, "u32"));
      b.mcp(r.obj("mcp").map(EndpointCodec::readMcpOptions));
    }
    // provider_credentialed and advisor_proposed are internal: never read from files.
    r.finish();
    return b.build();
  }

  private static McpOptions readMcpOptions(TreeReader m) {
    return new McpOptions(
        m.bool("strict_tool_names", McpOptions.DEFAULT.strictToolNames()),
        m.bool("allow_all_known_mcp_methods", McpOptions.DEFAULT.allowAllKnownMcpMethods()));
  }

  private static GraphqlPersistedQuery readPersistedQuery(JsonNode n, String p, boolean strict) {
    TreeReader q = TreeReader.of(n, p, strict);
    GraphqlPersistedQuery out =
        new GraphqlPersistedQuery(
            q.str("operation_type"), q.str("operation_name"), q.strings("fields"));
    q.finish();
    return out;
  }

  private static L7Rule readRule(JsonNode n, String p, boolean strict) {
    TreeReader r = TreeReader.of(n, p, strict);
    Optional<JsonNode> allow = r.raw("allow");
    if (allow.isEmpty() && strict) {
      throw r.missing("allow");
    }
    // The profile DTO's allow is optional (profiles.rs:283-287): a rule without one allows
    // nothing, which the lint reports as "rules would deny all traffic".
    L7Rule rule =
        new L7Rule(allow.map(a -> readMatch(a, r.child("allow"), strict)).orElse(L7Match.EMPTY));
    r.finish();
    return rule;
  }

  static L7Match readMatch(JsonNode n, String p, boolean strict) {
    TreeReader r = TreeReader.of(n, p, strict);
    Map<String, QueryMatcher> params = new LinkedHashMap<>();
    // Policies accept nested params maps and flatten them; the profile DTO has a flat map.
    r.raw("params")
        .ifPresent(
            v -> {
              if (strict) {
                flattenParams(v, r.child("params"), "", params);
              } else {
                params.putAll(readFlatParams(v, r.child("params")));
              }
            });
    L7Match m =
        new L7Match(
            r.str("method"),
            r.str("path"),
            r.str("command"),
            r.mapOf("query", (v, vp) -> readMatcher(v, vp, strict)),
            r.str("operation_type"),
            r.str("operation_name"),
            r.strings("fields"),
            params,
            r.raw("tool").map(v -> readMatcher(v, r.child("tool"), strict)));
    r.finish();
    return m;
  }

  /**
   * MCP params may be nested maps in YAML; the model keeps OpenShell's flat dot-separated keys
   * ({@code {arguments: {path: x}}} is {@code arguments.path}). A mapping whose only keys are
   * {@code glob}/{@code any} is a matcher, not a nesting level.
   */
  private static void flattenParams(
      JsonNode v, String path, String prefix, Map<String, QueryMatcher> out) {
    if (!v.isObject()) {
      throw ParseException.at(
          "invalid type: " + TreeReader.describe(v) + ", expected a mapping", path);
    }
    var it = v.fields();
    while (it.hasNext()) {
      var e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      String childPath = TreeReader.join(path, e.getKey());
      JsonNode child = e.getValue();
      if (child.isObject() && !isMatcherObject(child)) {
        flattenParams(child, childPath, key, out);
      } else {
        out.put(key, readMatcher(child, childPath, true));
      }
    }
  }

  private static Map<String, QueryMatcher> readFlatParams(JsonNode v, String path) {
    if (!v.isObject()) {
      throw ParseException.at(
          "invalid type: " + TreeReader.describe(v) + ", expected a mapping", path);
    }
    Map<String, QueryMatcher> out = new LinkedHashMap<>();
    v.fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey(),
                    readMatcher(e.getValue(), TreeReader.join(path, e.getKey()), false)));
    return out;
  }

  /**
   * In a policy, a params mapping is a matcher only when it is {@code QueryMatcherDef::Any}: no key
   * but {@code any} (lib.rs:351-363); {@code {glob: x}} is a nesting level ({@code name.glob}).
   */
  private static boolean isMatcherObject(JsonNode n) {
    var names = n.fieldNames();
    while (names.hasNext()) {
      if (!names.next().equals("any")) {
        return false;
      }
    }
    return true;
  }

  /**
   * A bare string is a glob. Profiles also take {@code {glob, any}} objects and ignore other keys
   * (profiles.rs:339-366); policies take only {@code {any: [...]}} (the untagged {@code
   * QueryMatcherDef} with a {@code deny_unknown_fields} {@code QueryAnyDef}, lib.rs:343-363).
   */
  static QueryMatcher readMatcher(JsonNode n, String p, boolean strict) {
    if (n.isTextual()) {
      return QueryMatcher.glob(n.textValue());
    }
    if (n.isValueNode()) {
      // Both are untagged serde enums: a number, boolean or null is neither a String nor a map.
      throw ParseException.at(
          "data did not match any variant of untagged enum "
              + (strict ? "QueryMatcherDef" : "StringOrObject"),
          p);
    }
    if (strict && (!n.isObject() || !isMatcherObject(n))) {
      throw ParseException.at("data did not match any variant of untagged enum QueryMatcherDef", p);
    }
    if (!n.isObject()) {
      throw ParseException.at(
          "invalid type: " + TreeReader.describe(n) + ", expected a glob string or {any: [...]}",
          p);
    }
    TreeReader r = TreeReader.of(n, p, strict);
    QueryMatcher m =
        new QueryMatcher(strict ? Optional.empty() : r.optStr("glob"), r.strings("any"));
    r.finish();
    return m;
  }

  /** A binary: {@code {path, harness}}; profiles also accept a bare path string. */
  static NetworkBinary readBinary(JsonNode n, String p, Dialect dialect) {
    if (dialect == Dialect.PROFILE && n.isTextual()) {
      return NetworkBinary.of(n.textValue());
    }
    if (dialect == Dialect.PROFILE && n.isValueNode()) {
      // BinaryProfileInput is an untagged Path(String) | Object enum (profiles.rs:787-817).
      throw ParseException.at(
          "data did not match any variant of untagged enum BinaryProfileInput", p);
    }
    TreeReader r = TreeReader.of(n, p, dialect == Dialect.POLICY);
    NetworkBinary b = new NetworkBinary(r.requiredStr("path"), r.bool("harness", false));
    r.finish();
    return b;
  }

  // ---------------------------------------------------------------- writing

  /** Writes an endpoint in the dialect's field order as a Jackson tree (profiles). */
  static ObjectNode writeEndpoint(NetworkEndpoint e, Dialect dialect) {
    TreeDoc d = new TreeDoc();
    writeEndpoint(d, e, dialect);
    return (ObjectNode) d.root();
  }

  /** Writes an endpoint in the dialect's field order, leaving out defaults. */
  static void writeEndpoint(Doc d, NetworkEndpoint e, Dialect dialect) {
    if (dialect == Dialect.POLICY) {
      writePolicyEndpoint(d, e);
    } else {
      writeProfileEndpoint(d, e);
    }
  }

  /** Policy endpoints: the §1.3 table order; {@code port} for one effective port, else ports. */
  private static void writePolicyEndpoint(Doc d, NetworkEndpoint e) {
    d.beginMap();
    d.str("host", e.host());
    List<Integer> effective = e.effectivePorts();
    if (effective.size() > 1) {
      writePorts(d, effective);
    } else if (effective.size() == 1) {
      d.key("port");
      d.num(effective.get(0));
    }
    d.str("path", e.path());
    d.str("protocol", e.protocol());
    d.str("tls", e.tls());
    d.str("enforcement", e.enforcement());
    d.str("access", e.access());
    writeRules(d, e, Dialect.POLICY);
    writeDenyRules(d, e, Dialect.POLICY);
    d.strings("allowed_ips", e.allowedIps());
    d.bool("allow_encoded_slash", e.allowEncodedSlash());
    d.bool("websocket_credential_rewrite", e.websocketCredentialRewrite());
    d.bool("request_body_credential_rewrite", e.requestBodyCredentialRewrite());
    d.bool("allow_uninspected_credentials", e.allowUninspectedCredentials());
    d.str("credential_signing", e.credentialSigning());
    d.str("signing_service", e.signingService());
    d.str("signing_region", e.signingRegion());
    writeCredentialBinding(d, e);
    d.str("persisted_queries", e.persistedQueries());
    writePersistedQueries(d, e);
    d.num("graphql_max_body_bytes", e.graphqlMaxBodyBytes());
    if (e.mcp().isPresent()) {
      d.key("mcp");
      d.beginMap();
      d.num("max_body_bytes", e.jsonRpcMaxBodyBytes());
      writeMcpOptionFields(d, e.mcp().get());
      d.endMap();
    } else if (e.jsonRpcMaxBodyBytes() > 0) {
      d.key("json_rpc");
      d.beginMap();
      d.key("max_body_bytes");
      d.num(e.jsonRpcMaxBodyBytes());
      d.endMap();
    }
    d.endMap();
  }

  /**
   * Profile endpoints: the field order of OpenShell's {@code EndpointProfile} serialiser (so an
   * export reads like OpenShell's), ports as authored, flat {@code json_rpc_max_body_bytes}.
   */
  private static void writeProfileEndpoint(Doc d, NetworkEndpoint e) {
    d.beginMap();
    d.key("host"); // required by the profile DTO
    d.str(e.host());
    d.num("port", e.port());
    d.str("protocol", e.protocol());
    d.str("tls", e.tls());
    d.str("access", e.access());
    d.str("enforcement", e.enforcement());
    writeRules(d, e, Dialect.PROFILE);
    d.strings("allowed_ips", e.allowedIps());
    if (!e.ports().isEmpty()) {
      writePorts(d, e.ports());
    }
    writeDenyRules(d, e, Dialect.PROFILE);
    d.bool("allow_encoded_slash", e.allowEncodedSlash());
    d.bool("websocket_credential_rewrite", e.websocketCredentialRewrite());
    d.bool("request_body_credential_rewrite", e.requestBodyCredentialRewrite());
    d.bool("allow_uninspected_credentials", e.allowUninspectedCredentials());
    d.str("persisted_queries", e.persistedQueries());
    writePersistedQueries(d, e);
    d.num("graphql_max_body_bytes", e.graphqlMaxBodyBytes());
    d.num("json_rpc_max_body_bytes", e.jsonRpcMaxBodyBytes());
    if (e.mcp().isPresent()) {
      d.key("mcp");
      d.beginMap();
      writeMcpOptionFields(d, e.mcp().get());
      d.endMap();
    }
    d.str("path", e.path());
    d.str("credential_signing", e.credentialSigning());
    d.str("signing_service", e.signingService());
    d.str("signing_region", e.signingRegion());
    d.endMap();
  }

  private static void writeRules(Doc d, NetworkEndpoint e, Dialect dialect) {
    if (!e.rules().isEmpty()) {
      d.key("rules");
      d.beginList();
      for (L7Rule r : e.rules()) {
        d.beginMap();
        d.key("allow");
        writeMatch(d, r.allow(), dialect);
        d.endMap();
      }
      d.endList();
    }
  }

  private static void writeDenyRules(Doc d, NetworkEndpoint e, Dialect dialect) {
    if (!e.denyRules().isEmpty()) {
      d.key("deny_rules");
      d.beginList();
      for (L7Match m : e.denyRules()) {
        writeMatch(d, m, dialect);
      }
      d.endList();
    }
  }

  private static void writeCredentialBinding(Doc d, NetworkEndpoint e) {
    if (e.credentialBinding().isPresent()) {
      d.key("credential_binding");
      d.beginMap();
      d.key("provider");
      d.str(e.credentialBinding().get().provider());
      d.endMap();
    }
  }

  private static void writePersistedQueries(Doc d, NetworkEndpoint e) {
    if (!e.graphqlPersistedQueries().isEmpty()) {
      d.key("graphql_persisted_queries");
      d.beginMap();
      for (Map.Entry<String, GraphqlPersistedQuery> q : e.graphqlPersistedQueries().entrySet()) {
        GraphqlPersistedQuery op = q.getValue();
        d.key(q.getKey());
        d.beginMap();
        d.str("operation_type", op.operationType());
        d.str("operation_name", op.operationName());
        d.strings("fields", op.fields());
        d.endMap();
      }
      d.endMap();
    }
  }

  private static void writePorts(Doc d, List<Integer> ports) {
    d.key("ports");
    d.beginList();
    for (Integer p : ports) {
      d.num(p);
    }
    d.endList();
  }

  private static void writeMcpOptionFields(Doc d, McpOptions m) {
    if (m.strictToolNames() != McpOptions.DEFAULT.strictToolNames()) {
      d.key("strict_tool_names");
      d.bool(m.strictToolNames());
    }
    d.bool("allow_all_known_mcp_methods", m.allowAllKnownMcpMethods());
  }

  /**
   * An allow or deny selector. Field order follows the dialect's DTO ({@code tool} before {@code
   * params} in policies, after in profiles).
   */
  static void writeMatch(Doc d, L7Match m, Dialect dialect) {
    d.beginMap();
    d.str("method", m.method());
    d.str("path", m.path());
    d.str("command", m.command());
    writeMatchers(d, "query", m.query(), dialect);
    d.str("operation_type", m.operationType());
    d.str("operation_name", m.operationName());
    d.strings("fields", m.fields());
    if (dialect == Dialect.POLICY && m.tool().isPresent()) {
      d.key("tool");
      writeMatcher(d, m.tool().get(), dialect);
    }
    writeMatchers(d, "params", m.params(), dialect);
    if (dialect == Dialect.PROFILE && m.tool().isPresent()) {
      d.key("tool");
      writeMatcher(d, m.tool().get(), dialect);
    }
    d.endMap();
  }

  private static void writeMatchers(
      Doc d, String key, Map<String, QueryMatcher> matchers, Dialect dialect) {
    if (!matchers.isEmpty()) {
      d.key(key);
      d.beginMap();
      for (Map.Entry<String, QueryMatcher> e : matchers.entrySet()) {
        d.key(e.getKey());
        writeMatcher(d, e.getValue(), dialect);
      }
      d.endMap();
    }
  }

  /**
   * Policies write a glob-only matcher as a bare string (OpenShell's untagged {@code
   * QueryMatcherDef}); profiles always write {@code {glob, any}} as OpenShell's {@code
   * L7QueryMatcherProfile} does.
   */
  static void writeMatcher(Doc d, QueryMatcher m, Dialect dialect) {
    if (dialect == Dialect.POLICY && m.any().isEmpty()) {
      // matcher_proto_to_def (lib.rs:413-419): a bare glob, '' when empty.
      d.str(m.glob().orElse(""));
      return;
    }
    d.beginMap();
    if (dialect == Dialect.PROFILE && m.glob().filter(g -> !g.isEmpty()).isPresent()) {
      d.key("glob");
      d.str(m.glob().get());
    }
    d.strings("any", m.any());
    d.endMap();
  }

  /** Policy binaries are always {@code {path}}; profile binaries are bare paths unless harness. */
  static void writeBinary(Doc d, NetworkBinary b, Dialect dialect) {
    if (dialect == Dialect.PROFILE && !b.harness()) {
      d.str(b.path());
      return;
    }
    d.beginMap();
    d.key("path");
    d.str(b.path());
    // Profiles write harness when set (profiles.rs:772-785); policies never do
    // (skip_serializing, lib.rs:391-397).
    if (dialect == Dialect.PROFILE) {
      d.bool("harness", b.harness());
    }
    d.endMap();
  }

  static List<JsonNode> writeBinaries(List<NetworkBinary> binaries, Dialect dialect) {
    List<JsonNode> out = new ArrayList<>();
    for (NetworkBinary b : binaries) {
      TreeDoc d = new TreeDoc();
      writeBinary(d, b, dialect);
      out.add(d.root());
    }
    return out;
  }
}
