package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.match.HostGlob;
import io.openshell.policy.match.PathGlob;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Network endpoint ambiguity (§6.1): two endpoints that can authorize the same connection or
 * request must agree on the metadata that decides how it is handled.
 *
 * <p>Every pair of endpoints of the policy (across and within rules, rules in key order) is a
 * candidate when their effective ports intersect and their hosts overlap. Connection metadata must
 * always agree: {@code transparent_tcp_eligible} (protocol {@code tcp}), {@code tls} (skip vs
 * auto), {@code allowed_ips} (as a trimmed, lower-cased set) and {@code advisor_proposed}. Request
 * metadata must agree when both endpoints contribute to the request pipeline (an L7 protocol,
 * allowed_ips, tls or a credential binding), their paths overlap and the paths are equally
 * specific: protocol ({@code tcp} ≡ none), enforcement, allow_encoded_slash, the two credential
 * rewrites, websocket GraphQL classification, SigV4 signing fields, credential binding provider,
 * body limits (same protocol family) and MCP strict tool names. Access, rules, deny rules and
 * binaries are never compared (different binaries do not hide an ambiguity).
 */
public final class EndpointAmbiguities {
  private EndpointAmbiguities() {}

  /** OpenShell's wrapper line before the per-pair lines. */
  public static final String FAILURE_PREFIX = "network endpoint ambiguity validation failed:\n";

  /**
   * One ambiguous pair.
   *
   * @param leftPolicy rule name (or key) of the first endpoint
   * @param leftIndex its index in the rule
   * @param leftSelector {@code host:ports[path]}
   * @param rightPolicy rule name (or key) of the second endpoint
   * @param rightIndex its index
   * @param rightSelector its selector
   * @param ports overlapping ports, ascending
   * @param conflicts {@code field=left vs right} entries
   */
  public record Ambiguity(
      String leftPolicy,
      int leftIndex,
      String leftSelector,
      String rightPolicy,
      int rightIndex,
      String rightSelector,
      List<Integer> ports,
      List<String> conflicts) {
    public Ambiguity {
      ports = List.copyOf(ports);
      conflicts = List.copyOf(conflicts);
    }

    /** OpenShell's line for this pair. */
    public String message() {
      StringBuilder sb = new StringBuilder(160);
      sb.append("network policies '")
          .append(leftPolicy)
          .append("' endpoint[")
          .append(leftIndex)
          .append("] (")
          .append(leftSelector)
          .append(") and '")
          .append(rightPolicy)
          .append("' endpoint[")
          .append(rightIndex)
          .append("] (")
          .append(rightSelector)
          .append(") overlap on port(s) ");
      for (int i = 0; i < ports.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(ports.get(i));
      }
      sb.append(" with conflicting metadata: ").append(String.join("; ", conflicts));
      return sb.toString();
    }
  }

  /** Pre-computed view of one endpoint. */
  private record Ref(String policy, int index, NetworkEndpoint endpoint, int[] ports) {}

  /** Every ambiguous pair of {@code policy}, in rule-key then endpoint order. */
  public static List<Ambiguity> find(SandboxPolicy policy) {
    List<Ref> refs = new ArrayList<>();
    for (Map.Entry<String, NetworkPolicyRule> e : policy.networkPolicies().entrySet()) {
      String name = e.getValue().displayName(e.getKey());
      List<NetworkEndpoint> endpoints = e.getValue().endpoints();
      for (int i = 0; i < endpoints.size(); i++) {
        NetworkEndpoint ep = endpoints.get(i);
        refs.add(new Ref(name, i, ep, sortedPorts(ep)));
      }
    }
    // Why the buckets: two endpoints with different literal hosts never overlap, so only pairs in
    // the same literal-host bucket, and pairs involving a wildcard or empty host, are candidates.
    // Pairs are still visited in (left, right) order, so the output order is OpenShell's.
    Map<String, List<Integer>> byHost = new java.util.HashMap<>();
    List<Integer> wild = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      String host = refs.get(i).endpoint.host();
      if (isWild(host)) {
        wild.add(i);
      } else {
        byHost.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      }
    }
    List<Ambiguity> out = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      Ref left = refs.get(i);
      String host = left.endpoint.host();
      if (isWild(host)) {
        for (int j = i + 1; j < refs.size(); j++) {
          compare(left, refs.get(j), out);
        }
        continue;
      }
      List<Integer> same = byHost.get(host.toLowerCase(Locale.ROOT));
      int a = 0;
      int b = 0;
      while (a < same.size() || b < wild.size()) {
        int ja = a < same.size() ? same.get(a) : Integer.MAX_VALUE;
        int jb = b < wild.size() ? wild.get(b) : Integer.MAX_VALUE;
        int j;
        if (ja <= jb) {
          j = ja;
          a++;
        } else {
          j = jb;
          b++;
        }
        if (j > i) {
          compare(left, refs.get(j), out);
        }
      }
    }
    return out;
  }

  private static boolean isWild(String host) {
    return host.isEmpty() || host.indexOf('*') >= 0;
  }

  private static void compare(Ref left, Ref right, List<Ambiguity> out) {
    List<Integer> ports = intersection(left.ports, right.ports);
    if (ports.isEmpty() || !HostGlob.overlaps(left.endpoint.host(), right.endpoint.host())) {
      return;
    }
    List<String> conflicts = new ArrayList<>(2);
    connectionConflicts(left.endpoint, right.endpoint, conflicts);
    if (contributes(left.endpoint)
        && contributes(right.endpoint)
        && PathGlob.overlaps(left.endpoint.path(), right.endpoint.path())
        && PathGlob.specificity(left.endpoint.path())
            == PathGlob.specificity(right.endpoint.path())) {
      requestConflicts(left.endpoint, right.endpoint, conflicts);
    }
    if (!conflicts.isEmpty()) {
      out.add(
          new Ambiguity(
              left.policy,
              left.index,
              selector(left.endpoint),
              right.policy,
              right.index,
              selector(right.endpoint),
              ports,
              conflicts));
    }
  }

  private static int[] sortedPorts(NetworkEndpoint e) {
    // A loop rather than a stream: this runs for every endpoint of every composed policy.
    List<Integer> ports = e.effectivePorts();
    int[] out = new int[ports.size()];
    int n = 0;
    for (Integer p : ports) {
      if (p > 0) {
        out[n++] = p;
      }
    }
    java.util.Arrays.sort(out, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || out[distinct - 1] != out[i]) {
        out[distinct++] = out[i];
      }
    }
    return distinct == out.length ? out : java.util.Arrays.copyOf(out, distinct);
  }

  /**
   * The {@code AMBIGUOUS_ENDPOINTS} error for {@code policy}, if any: OpenShell's wrapped text,
   * {@value #FAILURE_PREFIX} followed by one line per pair.
   */
  public static Optional<Violation> check(SandboxPolicy policy) {
    return failureMessage(find(policy))
        .map(m -> Violation.error(ViolationCode.AMBIGUOUS_ENDPOINTS, "network_policies", m));
  }

  /** The wrapped message for {@code ambiguities}, empty when there are none. */
  public static Optional<String> failureMessage(List<Ambiguity> ambiguities) {
    if (ambiguities.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder(FAILURE_PREFIX);
    for (int i = 0; i < ambiguities.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(ambiguities.get(i).message());
    }
    return Optional.of(sb.toString());
  }

  /** {@code host:ports[path]}, {@code <any-host>} for an empty host. */
  static String selector(NetworkEndpoint e) {
    StringBuilder sb = new StringBuilder(e.host().isEmpty() ? "<any-host>" : e.host());
    sb.append(':');
    int[] ports = sortedPorts(e);
    for (int i = 0; i < ports.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(ports[i]);
    }
    return sb.append(e.path()).toString();
  }

  private static List<Integer> intersection(int[] a, int[] b) {
    List<Integer> out = null;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (b[j] < a[i]) {
        j++;
      } else {
        if (out == null) {
          out = new ArrayList<>(1);
        }
        out.add(a[i]);
        i++;
        j++;
      }
    }
    return out == null ? List.of() : out;
  }

  private static void connectionConflicts(
      NetworkEndpoint l, NetworkEndpoint r, List<String> conflicts) {
    push(conflicts, "transparent_tcp_eligible", isTcp(l.protocol()), isTcp(r.protocol()));
    pushString(conflicts, "tls", normalizedTls(l.tls()), normalizedTls(r.tls()));
    if (!l.allowedIps().isEmpty() || !r.allowedIps().isEmpty()) {
      TreeSet<String> left = normalizedSet(l.allowedIps());
      TreeSet<String> right = normalizedSet(r.allowedIps());
      if (!left.equals(right)) {
        conflicts.add("allowed_ips=" + debugList(left) + " vs " + debugList(right));
      }
    }
    push(conflicts, "advisor_proposed", l.advisorProposed(), r.advisorProposed());
  }

  private static boolean contributes(NetworkEndpoint e) {
    return (!e.protocol().isEmpty() && !isTcp(e.protocol()))
        || !e.allowedIps().isEmpty()
        || !e.tls().isEmpty()
        || e.credentialBinding().isPresent();
  }

  private static void requestConflicts(
      NetworkEndpoint l, NetworkEndpoint r, List<String> conflicts) {
    pushString(conflicts, "protocol", requestProtocol(l.protocol()), requestProtocol(r.protocol()));
    pushString(
        conflicts,
        "enforcement",
        normalizedEnforcement(l.enforcement()),
        normalizedEnforcement(r.enforcement()));
    push(conflicts, "allow_encoded_slash", l.allowEncodedSlash(), r.allowEncodedSlash());
    push(
        conflicts,
        "websocket_credential_rewrite",
        l.websocketCredentialRewrite(),
        r.websocketCredentialRewrite());
    push(
        conflicts,
        "request_body_credential_rewrite",
        l.requestBodyCredentialRewrite(),
        r.requestBodyCredentialRewrite());
    if (l.protocol().equalsIgnoreCase("websocket") && r.protocol().equalsIgnoreCase("websocket")) {
      push(conflicts, "websocket_graphql_policy", websocketGraphql(l), websocketGraphql(r));
    }
    pushString(conflicts, "credential_signing", l.credentialSigning(), r.credentialSigning());
    pushString(conflicts, "signing_service", l.signingService(), r.signingService());
    pushString(conflicts, "signing_region", l.signingRegion(), r.signingRegion());
    pushString(conflicts, "credential_binding.provider", bindingProvider(l), bindingProvider(r));
    if (l.protocol().equalsIgnoreCase("graphql") && r.protocol().equalsIgnoreCase("graphql")) {
      push(
          conflicts,
          "graphql_max_body_bytes",
          bodyLimit(l.graphqlMaxBodyBytes()),
          bodyLimit(r.graphqlMaxBodyBytes()));
    }
    if (l.protocol().equalsIgnoreCase(r.protocol()) && isJsonRpcFamily(l.protocol())) {
      push(
          conflicts,
          "json_rpc_max_body_bytes",
          bodyLimit(l.jsonRpcMaxBodyBytes()),
          bodyLimit(r.jsonRpcMaxBodyBytes()));
    }
    if (l.protocol().equalsIgnoreCase("mcp") && r.protocol().equalsIgnoreCase("mcp")) {
      push(conflicts, "mcp.strict_tool_names", strictToolNames(l), strictToolNames(r));
    }
  }

  private static void push(List<String> conflicts, String field, boolean left, boolean right) {
    if (left != right) {
      conflicts.add(field + "=" + left + " vs " + right);
    }
  }

  private static void push(List<String> conflicts, String field, long left, long right) {
    if (left != right) {
      conflicts.add(field + "=" + left + " vs " + right);
    }
  }

  /** Strings compare as values and print as Rust's {@code {:?}} (quoted). */
  private static void pushString(List<String> conflicts, String field, String left, String right) {
    if (!left.equals(right)) {
      conflicts.add(field + "=" + debug(left) + " vs " + debug(right));
    }
  }

  /**
   * Rust {@code {:?}} of a string ({@code impl Debug for str}): quoted; {@code \\}, {@code "}, tab,
   * newline, carriage return and NUL escaped as {@code \\ \" \t \n \r \0}; every code point Rust
   * does not print (general categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than space) and
   * every combining mark (Grapheme_Extend, approximated by Mn and Me) as {@code \\u{hex}}.
   */
  static String debug(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    value
        .codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case 0 -> sb.append("\\0");
                default -> {
                  if (printable(cp)) {
                    sb.appendCodePoint(cp);
                  } else {
                    sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                  }
                }
              }
            });
    return sb.append('"').toString();
  }

  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK ->
          false;
      default -> true;
    };
  }

  private static TreeSet<String> normalizedSet(List<String> values) {
    TreeSet<String> set = new TreeSet<>();
    for (String v : values) {
      set.add(v.trim().toLowerCase(Locale.ROOT));
    }
    return set;
  }

  private static String debugList(TreeSet<String> values) {
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (String v : values) {
      if (!first) {
        sb.append(", ");
      }
      sb.append(debug(v));
      first = false;
    }
    return sb.append(']').toString();
  }

  private static boolean isTcp(String protocol) {
    return protocol.equalsIgnoreCase("tcp");
  }

  /** OpenShell's {@code normalized_tls} (ambiguity.rs:352-358): untrimmed, "skip" or "auto". */
  private static String normalizedTls(String tls) {
    return tls.equalsIgnoreCase("skip") ? "skip" : "auto";
  }

  /** OpenShell's {@code normalized_enforcement} (ambiguity.rs:360-366): untrimmed. */
  private static String normalizedEnforcement(String enforcement) {
    return enforcement.equalsIgnoreCase("enforce") ? "enforce" : "audit";
  }

  private static String requestProtocol(String protocol) {
    return isTcp(protocol) ? "" : protocol.toLowerCase(Locale.ROOT);
  }

  private static String bindingProvider(NetworkEndpoint e) {
    return e.credentialBinding().map(b -> b.provider()).orElse("");
  }

  private static long bodyLimit(long value) {
    return value == 0 ? 65_536 : value;
  }

  private static boolean isJsonRpcFamily(String protocol) {
    return protocol.equalsIgnoreCase("json-rpc") || protocol.equalsIgnoreCase("mcp");
  }

  private static boolean strictToolNames(NetworkEndpoint e) {
    return e.mcp().map(m -> m.strictToolNames()).orElse(true);
  }

  private static boolean websocketGraphql(NetworkEndpoint e) {
    for (L7Rule rule : e.rules()) {
      if (hasGraphqlFields(rule.allow())) {
        return true;
      }
    }
    for (L7Match deny : e.denyRules()) {
      if (hasGraphqlFields(deny)) {
        return true;
      }
    }
    return !e.graphqlPersistedQueries().isEmpty()
        || (!e.persistedQueries().isEmpty() && !e.persistedQueries().equals("deny"));
  }

  private static boolean hasGraphqlFields(L7Match m) {
    return !m.operationType().isEmpty() || !m.operationName().isEmpty() || !m.fields().isEmpty();
  }
}
