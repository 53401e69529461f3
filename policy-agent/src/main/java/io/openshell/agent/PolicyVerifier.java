package io.openshell.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.openshell.policy.Violation;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyBundle;
import io.openshell.policy.format.PolicyBundle.Names;
import io.openshell.policy.format.PolicyHash;
import io.openshell.policy.format.PolicyMetadata;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a ConfigMap version before anything reaches the disk: keys, both hashes, parseable
 * content.
 */
final class PolicyVerifier {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** {@code sha256:<lowercase hex>} of the UTF-8 bytes of {@code text}. */
  static String hashOf(String text) {
    return PolicyHash.of(text);
  }

  /**
   * Verifies one version: the ConfigMap must be a {@link PolicyBundle} (keys and both hashes), and
   * its policy must read. Messages name keys, hashes and positions only, never content: the policy
   * is not secret, but the log is not where it belongs either.
   */
  Verdict verify(Map<String, String> data, Map<String, String> annotations) {
    PolicyBundle.Read read = PolicyBundle.fromData(data, annotations);
    if (read instanceof PolicyBundle.Read.Refused refused) {
      return invalid(reason(refused.problem()), refused.detail());
    }
    PolicyBundle bundle = ((PolicyBundle.Read.Ok) read).bundle();
    String policyProblem = policyProblem(bundle.policyYaml());
    if (policyProblem != null) {
      return invalid(RejectReason.INVALID_POLICY, policyProblem);
    }
    PolicyMetadata meta = bundle.metadata();
    return new Verdict.Valid(
        new PolicyVersion(
            bundle.policyYaml(),
            // The exact text the ConfigMap carried, unknown fields included, goes to disk.
            data.get(Names.METADATA_KEY),
            bundle.policyHash(),
            meta.policySource(),
            meta.sandboxGeneration(),
            meta.settingsGeneration(),
            meta.providerEnvRevision()));
  }

  private static RejectReason reason(PolicyBundle.Problem problem) {
    return switch (problem) {
      case MISSING_KEY -> RejectReason.MISSING_KEY;
      case HASH_MISMATCH -> RejectReason.HASH_MISMATCH;
      case INVALID_METADATA -> RejectReason.INVALID_METADATA;
    };
  }

  /**
   * The policy must read with policy-core's strict reader, as the supervisor would read it. A YAML
   * syntax error is reported by position only; reader messages keep field names and paths but have
   * their quoted values blanked, so no policy content reaches the log.
   */
  private static String policyProblem(String policy) {
    JsonNode root;
    try {
      root = YAML.readTree(policy);
    } catch (JsonProcessingException e) {
      return "policy.yaml is not valid YAML" + PolicyBundle.at(e);
    }
    // Checked here too: PolicyYaml.read reads a top-level sequence's first item as the document.
    if (root == null || !root.isObject()) {
      return "policy.yaml is not a YAML mapping";
    }
    Parsed<SandboxPolicy> parsed = PolicyYaml.read(policy);
    if (parsed instanceof Parsed.Ok<SandboxPolicy> && !parsed.hasErrors()) {
      return null;
    }
    String messages =
        parsed.diagnostics().stream()
            .filter(Violation::isError)
            .map(v -> redact(v.message()))
            .collect(Collectors.joining("; "));
    return "policy.yaml is not a valid OpenShell policy: " + messages;
  }

  private static String redact(String message) {
    return message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("`[^`]*`", "`…`");
  }

  private static Verdict invalid(RejectReason reason, String detail) {
    return new Verdict.Invalid(reason, detail);
  }
}
