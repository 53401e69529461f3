package io.openshell.policy.validate;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProcessPolicy;
import io.openshell.policy.model.SandboxPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OpenShell's gateway policy validation ({@code validate_sandbox_policy}, §1.6): a policy with any
 * violation is refused as a whole ("policy contains unsafe content: ..."). Checks, in OpenShell's
 * order: process identities; filesystem path count, length, absoluteness, traversal and a
 * read-write {@code /}; then per rule (key order) and endpoint (list order): host presence,
 * explicit tcp host rules, ports, TLD and misplaced wildcards, credential_signing, and the L7
 * semantics of {@link L7Semantics} wrapped as "endpoint {i} has invalid L7 configuration". Rules
 * are named by their {@code name}, or their key when the name is empty.
 */
public final class PolicyValidator {
  private PolicyValidator() {}

  /** OpenShell's {@code MAX_FILESYSTEM_PATHS}. */
  public static final int MAX_FILESYSTEM_PATHS = 256;

  /** OpenShell's {@code MAX_PATH_LENGTH} (bytes). */
  public static final int MAX_PATH_LENGTH = 4096;

  /** Largest serialized policy OpenShell accepts (bytes). */
  public static final int MAX_POLICY_SIZE = 262_144;

  private static final long MAX_IDENTITY = 4_294_967_294L;
  private static final long MAX_VERSION = 4_294_967_295L;

  /** Every violation of §1.6 in {@code policy}, code {@code INVALID_POLICY}; empty when valid. */
  public static List<Violation> validate(SandboxPolicy policy) {
    List<Violation> out = new ArrayList<>();
    // OpenShell's version is a u32: anything else never parses (lib.rs PolicyFile). A policy that
    // did not come from a file (a resource) is checked here, before it is delivered.
    if (policy.version() < 0 || policy.version() > MAX_VERSION) {
      out.add(error("version", "invalid value: integer " + policy.version() + ", expected u32"));
    }
    policy.process().ifPresent(p -> process(p, out));
    policy.filesystem().ifPresent(fs -> filesystem(fs, out));
    for (Map.Entry<String, NetworkPolicyRule> e : policy.networkPolicies().entrySet()) {
      NetworkPolicyRule rule = e.getValue();
      String name = rule.displayName(e.getKey());
      for (int i = 0; i < rule.endpoints().size(); i++) {
        endpoint(e.getKey(), name, i, rule.endpoints().get(i), out);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The size limit on the canonical policy YAML: "policy serialized size exceeds maximum ({n} >
   * 262144)" when its UTF-8 encoding is longer than {@link #MAX_POLICY_SIZE} bytes.
   */
  public static Optional<Violation> checkSize(String canonicalYaml) {
    int n = canonicalYaml.getBytes(StandardCharsets.UTF_8).length;
    if (n <= MAX_POLICY_SIZE) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.error(
            ViolationCode.INVALID_POLICY,
            "",
            "policy serialized size exceeds maximum (" + n + " > " + MAX_POLICY_SIZE + ")"));
  }

  /**
   * The gateway's one-line refusal for a non-empty list of violations: "policy contains unsafe
   * content: {v1}; {v2}…".
   */
  public static String summary(List<Violation> violations) {
    return "policy contains unsafe content: "
        + violations.stream().map(Violation::message).collect(Collectors.joining("; "));
  }

  private static void process(ProcessPolicy p, List<Violation> out) {
    identity("run_as_user", p.runAsUser(), out);
    identity("run_as_group", p.runAsGroup(), out);
  }

  private static void identity(String field, String value, List<Violation> out) {
    // An omitted identity is resolved by the runtime; only explicit values are checked.
    if (value.isEmpty() || isValidIdentity(value)) {
      return;
    }
    out.add(
        error(
            "process." + field,
            field
                + " must be 'sandbox' or a numeric UID/GID in range [1, 4294967294], got '"
                + value
                + "'"));
  }

  private static boolean isValidIdentity(String value) {
    if (value.equals("sandbox")) {
      return true;
    }
    // Rust's u32::from_str (lib.rs:1012-1019): an optional '+', then ASCII digits; leading zeros
    // are fine ("+1000", "00000000001").
    String digits = value.startsWith("+") ? value.substring(1) : value;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    String significant = digits.replaceFirst("^0+(?=.)", "");
    if (significant.length() > 10) {
      return false;
    }
    long n = Long.parseLong(significant);
    return n >= 1 && n <= MAX_IDENTITY;
  }

  private static void filesystem(FilesystemPolicy fs, List<Violation> out) {
    int total = fs.readOnly().size() + fs.readWrite().size();
    if (total > MAX_FILESYSTEM_PATHS) {
      out.add(
          error(
              "filesystem_policy",
              "too many filesystem paths (" + total + " > " + MAX_FILESYSTEM_PATHS + ")"));
    }
    paths("filesystem_policy.read_only", fs.readOnly(), out);
    paths("filesystem_policy.read_write", fs.readWrite(), out);
    for (String path : fs.readWrite()) {
      // "/" (or "///") grants the whole filesystem; nothing narrower is refused.
      if (stripTrailingSlashes(path).isEmpty()) {
        out.add(error("filesystem_policy.read_write", "read-write path is overly broad: " + path));
      }
    }
  }

  private static void paths(String field, List<String> paths, List<Violation> out) {
    for (String path : paths) {
      int length = path.getBytes(StandardCharsets.UTF_8).length;
      if (length > MAX_PATH_LENGTH) {
        out.add(
            error(
                field,
                "path exceeds maximum length ("
                    + length
                    + " > "
                    + MAX_PATH_LENGTH
                    + "): "
                    + truncateForDisplay(path)));
        continue;
      }
      if (!path.startsWith("/")) {
        out.add(error(field, "path must be absolute (start with '/'): " + path));
      }
      for (String component : path.split("/")) {
        if (component.equals("..")) {
          out.add(error(field, "path contains '..' traversal component: " + path));
          break;
        }
      }
    }
  }

  /** OpenShell prints at most 77 characters of an over-long path, then "...". */
  private static String truncateForDisplay(String s) {
    if (s.length() <= 80) {
      return s;
    }
    return s.substring(0, 77) + "...";
  }

  private static String stripTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  private static void endpoint(
      String key, String name, int index, NetworkEndpoint ep, List<Violation> out) {
    Where where = new Where(key, name, index);
    boolean tcp = L7Semantics.isExplicitTcp(ep.protocol());
    String host = ep.host();
    controlCharacter(host)
        .ifPresent(
            c ->
                out.add(
                    error(
                        where.at() + ".host",
                        where.prefix()
                            + "endpoint host contains the control character "
                            + c
                            + "; a host must be a DNS name, a host glob or an IP address")));
    if (RustText.isBlank(host) && tcp) {
      out.add(
          error(
              where.at() + ".host",
              where.prefix()
                  + "protocol tcp requires a DNS hostname; hostless allowed_ips endpoints are"
                  + " supported only by the forward proxy"));
    } else if (RustText.isBlank(host) && ep.allowedIps().isEmpty()) {
      out.add(
          error(
              where.at() + ".host",
              where.prefix()
                  + "endpoint host must not be empty unless allowed_ips constrains a non-TCP proxy"
                  + " endpoint"));
    } else if (tcp) {
      if (IpLiterals.isIpLiteral(host)) {
        out.add(
            error(
                where.at() + ".host",
                where.prefix()
                    + "protocol tcp endpoint '"
                    + host
                    + "' must use a DNS hostname, not an IP literal; direct IP connections bypass"
                    + " policy DNS and are blocked"));
      } else {
        TcpHostSelector.problem(host)
            .ifPresent(
                reason ->
                    out.add(
                        error(
                            where.at() + ".host",
                            where.prefix()
                                + "protocol tcp endpoint has invalid DNS host selector '"
                                + host
                                + "': "
                                + reason)));
      }
    }
    List<Integer> ports = ep.effectivePorts();
    if (ports.isEmpty()) {
      out.add(
          error(
              where.at() + ".port",
              where.prefix() + "endpoint '" + host + "' must declare at least one port"));
    }
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        out.add(
            error(
                where.at() + ".ports",
                where.prefix()
                    + "endpoint '"
                    + host
                    + "' has invalid port "
                    + port
                    + "; expected 1..=65535"));
      }
    }
    if ((host.startsWith("*.") || host.startsWith("**.")) && host.split("\\.", -1).length <= 2) {
      out.add(
          error(
              where.at() + ".host",
              where.prefix()
                  + "TLD wildcard '"
                  + host
                  + "' is not allowed; use subdomain wildcards like '*.example.com' instead"));
    }
    if (wildcardShapeInvalid(host)) {
      out.add(
          error(
              where.at() + ".host",
              where.prefix()
                  + "invalid host wildcard '"
                  + host
                  + "'; middle DNS label wildcards must be the entire label '*' and recursive"
                  + " '**' is only allowed as the entire first label"));
    }
    String signing = ep.credentialSigning();
    if (!signing.isEmpty()
        && !signing.equals("sigv4")
        && !signing.equals("sigv4:body")
        && !signing.equals("sigv4:no_body")) {
      out.add(
          error(
              where.at() + ".credential_signing",
              where.prefix()
                  + "endpoint '"
                  + host
                  + "' has unrecognized credential_signing value '"
                  + signing
                  + "' (expected sigv4, sigv4:body, or sigv4:no_body)"));
    }
    if (!signing.isEmpty() && ep.signingService().isEmpty()) {
      out.add(
          error(
              where.at() + ".signing_service",
              where.prefix()
                  + "endpoint '"
                  + host
                  + "' has credential_signing set but signing_service is empty"));
    }
    if (!signing.isEmpty() && ep.requestBodyCredentialRewrite()) {
      out.add(
          error(
              where.at() + ".request_body_credential_rewrite",
              where.prefix()
                  + "endpoint '"
                  + host
                  + "' has both credential_signing and request_body_credential_rewrite set; these"
                  + " options are mutually exclusive"));
    }
    List<String> reasons = new ArrayList<>(L7Semantics.semantics(ep));
    reasons.addAll(L7Semantics.explicitTcpFieldCheck(ep, false));
    reasons.addAll(L7Semantics.runtimeChecks(ep));
    for (String reason : reasons) {
      out.add(
          error(
              where.at(),
              where.prefix() + "endpoint " + index + " has invalid L7 configuration: " + reason));
    }
  }

  /**
   * Where an endpoint's findings point: its field path and message prefix, built only when the
   * endpoint has a finding.
   */
  private record Where(String key, String name, int index) {
    String at() {
      return "network_policies." + key + ".endpoints[" + index + "]";
    }

    String prefix() {
      return "network policy '" + name + "': ";
    }
  }

  /**
   * The first C0 control character or DEL in {@code host}, as {@code U+0000}. A deliberate check
   * OpenShell does not have (docs/operator-decisions.md): such a host can never match a DNS name,
   * so it is a mistake that would otherwise be delivered silently.
   */
  static Optional<String> controlCharacter(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return Optional.of(String.format("U+%04X", (int) c));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code *} or {@code **} alone; {@code **} inside a longer first label; any wildcard in a later
   * label that is not exactly {@code *}.
   */
  static boolean wildcardShapeInvalid(String host) {
    if (host.equals("*") || host.equals("**")) {
      return true;
    }
    if (!host.contains("*")) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (labels[0].contains("**") && !labels[0].equals("**")) {
      return true;
    }
    for (int i = 1; i < labels.length; i++) {
      String label = labels[i];
      if (label.contains("**") || (label.contains("*") && !label.equals("*"))) {
        return true;
      }
    }
    return false;
  }

  private static Violation error(String field, String message) {
    return Violation.error(ViolationCode.INVALID_POLICY, field, message);
  }
}
