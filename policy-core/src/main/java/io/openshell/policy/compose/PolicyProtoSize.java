package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.GraphqlPersistedQuery;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.QueryMatcher;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.validate.PolicyValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenShell's policy size limit (§1.6): CreateSandbox and attach refuse a sandbox whose base policy
 * is larger than 262144 bytes as protobuf, "policy serialized size exceeds maximum ({n} > 262144)"
 * (grpc/validation.rs:204-213, prost {@code encoded_len()}).
 *
 * <p>The length is computed from {@code proto/sandbox.proto} as prost encodes it: proto3 scalars
 * only when not default, sub-messages whenever present, packed {@code repeated uint32}, map entries
 * as {@code {key = 1, value = 2}} messages with default keys and values left out. The policy is
 * lowered as {@code openshell-policy}'s {@code to_proto} does (lib.rs:706-800): an empty rule name
 * becomes its key, a single {@code port} is promoted to {@code ports}, an MCP {@code tool} matcher
 * becomes {@code params.name}. Known approximations, each a few bytes: {@code mcp} options are
 * written when they differ from the defaults (the model does not keep {@code optional bool}
 * presence), and MCP method elision ({@code method: "*"} without a tool) is not applied.
 */
public final class PolicyProtoSize {
  private PolicyProtoSize() {}

  /** The size violation for {@code base}, or empty when it fits. */
  public static Optional<Violation> check(SandboxPolicy base) {
    long n = of(base);
    if (n <= PolicyValidator.MAX_POLICY_SIZE) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.error(
            ViolationCode.INVALID_POLICY,
            "policy",
            "policy serialized size exceeds maximum ("
                + n
                + " > "
                + PolicyValidator.MAX_POLICY_SIZE
                + ")"));
  }

  /** prost's {@code encoded_len()} of {@code policy} lowered to {@code SandboxPolicy}. */
  public static long of(SandboxPolicy policy) {
    long n = uint(1, policy.version());
    if (policy.filesystem().isPresent()) {
      n += message(2, filesystem(policy.filesystem().get()));
    }
    if (policy.landlock().isPresent()) {
      n += message(3, string(1, policy.landlock().get().compatibility()));
    }
    if (policy.process().isPresent()) {
      n +=
          message(
              4,
              string(1, policy.process().get().runAsUser())
                  + string(2, policy.process().get().runAsGroup()));
    }
    for (Map.Entry<String, NetworkPolicyRule> e : policy.networkPolicies().entrySet()) {
      n += mapEntry(5, e.getKey(), rule(e.getKey(), e.getValue()));
    }
    return n;
  }

  private static long filesystem(FilesystemPolicy fs) {
    return bool(1, fs.includeWorkdir()) + strings(2, fs.readOnly()) + strings(3, fs.readWrite());
  }

  private static long rule(String key, NetworkPolicyRule rule) {
    long n = string(1, rule.name().isEmpty() ? key : rule.name());
    for (NetworkEndpoint e : rule.endpoints()) {
      n += message(2, endpoint(e));
    }
    for (NetworkBinary b : rule.binaries()) {
      n += message(3, string(1, b.path()) + bool(2, b.harness()));
    }
    return n;
  }

  private static long endpoint(NetworkEndpoint e) {
    List<Integer> ports = new ArrayList<>(e.ports());
    if (ports.isEmpty() && e.port() > 0) {
      ports.add(e.port());
    }
    long n = string(1, e.host());
    n += uint(2, ports.isEmpty() ? 0 : ports.get(0));
    n += string(3, e.protocol()) + string(4, e.tls()) + string(5, e.enforcement());
    n += string(6, e.access());
    for (L7Rule r : e.rules()) {
      n += message(7, message(1, match(r.allow())));
    }
    n += strings(8, e.allowedIps());
    if (!ports.isEmpty()) {
      long packed = 0;
      for (int p : ports) {
        packed += varint(p);
      }
      n += tag(9) + varint(packed) + packed;
    }
    for (L7Match d : e.denyRules()) {
      n += message(10, match(d));
    }
    n += bool(11, e.allowEncodedSlash()) + string(12, e.persistedQueries());
    for (Map.Entry<String, GraphqlPersistedQuery> q : e.graphqlPersistedQueries().entrySet()) {
      GraphqlPersistedQuery op = q.getValue();
      long value =
          string(1, op.operationType()) + string(2, op.operationName()) + strings(3, op.fields());
      n += mapEntry(13, q.getKey(), value);
    }
    n += uint(14, e.graphqlMaxBodyBytes()) + string(15, e.path());
    n += bool(16, e.websocketCredentialRewrite()) + bool(17, e.requestBodyCredentialRewrite());
    n += bool(18, e.advisorProposed()) + string(19, e.credentialSigning());
    n += string(20, e.signingService()) + string(21, e.signingRegion());
    n += uint(22, e.jsonRpcMaxBodyBytes());
    if (e.mcp().isPresent()) {
      McpOptions m = e.mcp().get();
      n +=
          message(
              23,
              (m.strictToolNames() ? 0 : tag(1) + 1)
                  + (m.allowAllKnownMcpMethods() ? tag(2) + 1 : 0));
    }
    if (e.credentialBinding().isPresent()) {
      n += message(24, string(1, e.credentialBinding().get().provider()));
    }
    n += bool(25, e.allowUninspectedCredentials()) + bool(26, e.providerCredentialed());
    return n;
  }

  /** {@code L7Allow} / {@code L7DenyRule}: the same field numbers. */
  private static long match(L7Match m) {
    long n = string(1, m.method()) + string(2, m.path()) + string(3, m.command());
    n += matchers(4, m.query());
    n += string(5, m.operationType()) + string(6, m.operationName()) + strings(7, m.fields());
    Map<String, QueryMatcher> params = new LinkedHashMap<>(m.params());
    m.tool().ifPresent(t -> params.putIfAbsent("name", t));
    n += matchers(9, params);
    return n;
  }

  private static long matchers(int field, Map<String, QueryMatcher> matchers) {
    long n = 0;
    for (Map.Entry<String, QueryMatcher> q : matchers.entrySet()) {
      QueryMatcher m = q.getValue();
      n += mapEntry(field, q.getKey(), string(1, m.glob().orElse("")) + strings(2, m.any()));
    }
    return n;
  }

  /** A map entry: {@code key = 1} and {@code value = 2} (a message), defaults left out. */
  private static long mapEntry(int field, String key, long valueLength) {
    long entry =
        string(1, key) + (valueLength == 0 ? 0 : tag(2) + varint(valueLength) + valueLength);
    return tag(field) + varint(entry) + entry;
  }

  private static long message(int field, long length) {
    return tag(field) + varint(length) + length;
  }

  private static long string(int field, String value) {
    if (value.isEmpty()) {
      return 0;
    }
    long len = value.getBytes(StandardCharsets.UTF_8).length;
    return tag(field) + varint(len) + len;
  }

  private static long strings(int field, List<String> values) {
    long n = 0;
    for (String v : values) {
      long len = v.getBytes(StandardCharsets.UTF_8).length;
      n += tag(field) + varint(len) + len;
    }
    return n;
  }

  private static long uint(int field, long value) {
    return value == 0 ? 0 : tag(field) + varint(value);
  }

  private static long bool(int field, boolean value) {
    return value ? tag(field) + 1 : 0;
  }

  private static long tag(int field) {
    return varint((long) field << 3);
  }

  private static long varint(long value) {
    long n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }
}
