package io.openshell.policy.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.format.EndpointCodec.Dialect;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.LandlockPolicy;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProcessPolicy;
import io.openshell.policy.model.SandboxPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * OpenShell's sandbox {@code policy.yaml} format (§1.1–1.5), snake_case.
 *
 * <p><b>Reading</b> is as strict as OpenShell's serde DTOs ({@code deny_unknown_fields}): an
 * unknown field, a wrong type, a missing {@code version} or a port above 65535 fails with one
 * {@code PARSE_ERROR} on field {@code file} whose message names the place ({@code unknown field
 * 'bogus' at network_policies.x.endpoints[0]}). {@code port}/{@code ports} are normalised as
 * OpenShell does: a non-empty {@code ports} wins, else {@code port > 0} becomes {@code ports:
 * [port]}, and {@code port} is the first port. {@code json_rpc: {max_body_bytes}} and {@code mcp:
 * {max_body_bytes, ...}} both set {@link
 * io.openshell.policy.model.NetworkEndpoint#jsonRpcMaxBodyBytes()}; when an {@code mcp} stanza is
 * present its limit wins. The internal endpoint fields {@code provider_credentialed} and {@code
 * advisor_proposed} are never read (they are unknown fields here) nor written. {@code
 * network_middlewares} is rejected: middleware is outside the Providers v2 scope of this project.
 *
 * <p><b>Writing</b>: {@link #write(SandboxPolicy)} is THE canonical rendering. Its exact text is
 * hashed ({@link PolicyHash}) and delivered in the policy ConfigMap, so it is deterministic: fixed
 * field order (§1.1 and §1.3 table order), {@code network_policies} sorted by key, defaults left
 * out (empty strings, lists and maps, {@code false}, {@code 0}, absent optionals), {@code port}
 * when the endpoint has at most one effective port and {@code ports} when it has more, block-style
 * YAML without a document start marker, strings quoted only where YAML would read them as another
 * type. A glob-only query/tool matcher is a bare string. Reading the written text gives back an
 * equal policy (for policies that were themselves read, or that have normalised ports).
 */
public final class PolicyYaml {
  private PolicyYaml() {}

  /**
   * Reads one policy document.
   *
   * @param yaml the file content
   * @return the policy, or one {@code PARSE_ERROR} on field {@code file}
   */
  public static Parsed<SandboxPolicy> read(String yaml) {
    try {
      List<JsonNode> docs = YamlTrees.readAll(yaml);
      if (docs.size() > 1) {
        return failed("a policy file must contain exactly one YAML document, found " + docs.size());
      }
      if (docs.isEmpty() || docs.get(0).isNull()) {
        return failed("missing field 'version'");
      }
      return new Parsed.Ok<>(readPolicy(docs.get(0)), List.of());
    } catch (ParseException e) {
      return failed(e.getMessage());
    } catch (JsonProcessingException e) {
      return failed(syntaxMessage(e));
    } catch (IOException e) {
      return failed(e.getMessage());
    }
  }

  /**
   * The canonical rendering (see the class documentation). These bytes are what is hashed and
   * written to the ConfigMap.
   */
  public static String write(SandboxPolicy policy) {
    YamlWriter w = new YamlWriter(capacityHint);
    write(w, policy);
    String text = w.text();
    // The next policy is likely as large: start its buffer there instead of growing it again.
    capacityHint = Math.min(MAX_CAPACITY_HINT, Math.max(MIN_CAPACITY_HINT, text.length() + 256));
    return text;
  }

  private static final int MIN_CAPACITY_HINT = 1024;

  private static final int MAX_CAPACITY_HINT = 1 << 16;

  /** The buffer size {@link #write(SandboxPolicy)} starts with: the last output's size. */
  private static volatile int capacityHint = 8192;

  /**
   * The policy as reading its canonical text would give it: every endpoint's {@code ports} set to
   * its effective ports and {@code port} to the first of them (§1.3 normalisation), and an empty
   * rule name filled with the rule's key. Two policies with the same canonical text are equal after
   * this; the internal endpoint flags are kept.
   */
  public static SandboxPolicy normalize(SandboxPolicy policy) {
    Map<String, NetworkPolicyRule> rules = new TreeMap<>();
    policy
        .networkPolicies()
        .forEach(
            (key, rule) ->
                rules.put(
                    key,
                    new NetworkPolicyRule(
                            rule.name().isEmpty() ? key : rule.name(),
                            rule.endpoints(),
                            rule.binaries())
                        .withEndpoints(
                            rule.endpoints().stream()
                                .map(
                                    e -> {
                                      List<Integer> ports = e.effectivePorts();
                                      return e.toBuilder()
                                          .ports(ports)
                                          .port(ports.isEmpty() ? 0 : ports.get(0))
                                          .build();
                                    })
                                .toList())));
    return policy.withNetworkPolicies(rules);
  }

  /** The same document as {@link #write(SandboxPolicy)}, as indented JSON (for {@code -o json}). */
  public static String writeJson(SandboxPolicy policy) {
    TreeDoc d = new TreeDoc();
    write(d, policy);
    return TreeWriter.json(d.root());
  }

  static String syntaxMessage(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String msg = e.getOriginalMessage();
    return loc == null || loc.getLineNr() < 0
        ? msg
        : msg + " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
  }

  private static <T> Parsed<T> failed(String message) {
    return new Parsed.Failed<>(
        List.of(Violation.error(ViolationCode.PARSE_ERROR, "file", message)));
  }

  private static SandboxPolicy readPolicy(JsonNode root) {
    TreeReader r = TreeReader.of(root, "", true);
    if (r.raw("network_middlewares").isPresent()) {
      throw new ParseException(
          "network_middlewares is not supported: middleware is outside the Providers v2 scope");
    }
    JsonNode version = r.raw("version").orElseThrow(() -> r.missing("version"));
    long v = TreeReader.integerValue(version, "version", 0, EndpointCodec.U32_MAX, "u32");
    Optional<FilesystemPolicy> fs =
        r.obj("filesystem_policy")
            .map(
                f -> {
                  FilesystemPolicy out =
                      new FilesystemPolicy(
                          f.bool("include_workdir", false),
                          f.strings("read_only"),
                          f.strings("read_write"));
                  f.finish();
                  return out;
                });
    Optional<LandlockPolicy> landlock =
        r.obj("landlock")
            .map(
                l -> {
                  LandlockPolicy out = new LandlockPolicy(l.str("compatibility"));
                  l.finish();
                  return out;
                });
    Optional<ProcessPolicy> process =
        r.obj("process")
            .map(
                p -> {
                  ProcessPolicy out =
                      new ProcessPolicy(p.str("run_as_user"), p.str("run_as_group"));
                  p.finish();
                  return out;
                });
    Map<String, NetworkPolicyRule> rules = r.mapOf("network_policies", PolicyYaml::readRule);
    r.finish();
    return new SandboxPolicy(v, fs, landlock, process, rules);
  }

  private static NetworkPolicyRule readRule(JsonNode node, String path) {
    TreeReader r = TreeReader.of(node, path, true);
    List<EndpointCodec.EmptyLists> ignored = new ArrayList<>();
    NetworkPolicyRule rule =
        new NetworkPolicyRule(
            // YAML -> proto fills an empty name with the key (lib.rs:717-721).
            r.str("name").isEmpty() ? key(path) : r.str("name"),
            r.listOf(
                "endpoints", (n, p) -> EndpointCodec.readEndpoint(n, p, Dialect.POLICY, ignored)),
            r.listOf("binaries", (n, p) -> EndpointCodec.readBinary(n, p, Dialect.POLICY)));
    r.finish();
    return rule;
  }

  /** The map key of a {@code network_policies.<key>} path. */
  private static String key(String path) {
    return path.substring("network_policies.".length());
  }

  /** The one field-order definition behind both {@link #write} and {@link #writeJson}. */
  private static void write(Doc d, SandboxPolicy policy) {
    d.beginMap();
    d.key("version");
    d.num(policy.version());
    if (policy.filesystem().isPresent()) {
      FilesystemPolicy fs = policy.filesystem().get();
      d.key("filesystem_policy");
      d.beginMap();
      // OpenShell always writes include_workdir (no skip_serializing_if on it).
      d.key("include_workdir");
      d.bool(fs.includeWorkdir());
      d.strings("read_only", fs.readOnly());
      d.strings("read_write", fs.readWrite());
      d.endMap();
    }
    if (policy.landlock().isPresent()) {
      d.key("landlock");
      d.beginMap();
      d.str("compatibility", policy.landlock().get().compatibility());
      d.endMap();
    }
    // Omitted when both identities are empty (lib.rs:844-853).
    if (policy
        .process()
        .filter(p -> !p.runAsUser().isEmpty() || !p.runAsGroup().isEmpty())
        .isPresent()) {
      ProcessPolicy p = policy.process().get();
      d.key("process");
      d.beginMap();
      d.str("run_as_user", p.runAsUser());
      d.str("run_as_group", p.runAsGroup());
      d.endMap();
    }
    if (!policy.networkPolicies().isEmpty()) {
      d.key("network_policies");
      d.beginMap();
      // The model's map is sorted by key (OpenShell's BTreeMap), so this order is canonical.
      for (Map.Entry<String, NetworkPolicyRule> e : policy.networkPolicies().entrySet()) {
        d.key(e.getKey());
        writeRule(d, e.getValue());
      }
      d.endMap();
    }
    d.endMap();
  }

  private static void writeRule(Doc d, NetworkPolicyRule rule) {
    d.beginMap();
    d.str("name", rule.name());
    if (!rule.endpoints().isEmpty()) {
      d.key("endpoints");
      d.beginList();
      for (NetworkEndpoint e : rule.endpoints()) {
        EndpointCodec.writeEndpoint(d, e, Dialect.POLICY);
      }
      d.endList();
    }
    if (!rule.binaries().isEmpty()) {
      d.key("binaries");
      d.beginList();
      for (NetworkBinary b : rule.binaries()) {
        EndpointCodec.writeBinary(d, b, Dialect.POLICY);
      }
      d.endList();
    }
    d.endMap();
  }
}
