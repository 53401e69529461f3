package io.openshell.agent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.openshell.policy.Violation;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyHash;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a ConfigMap version before anything reaches the disk: keys, both hashes, parseable
 * content.
 */
final class PolicyVerifier {
  static final String POLICY_KEY = "policy.yaml";
  static final String METADATA_KEY = "metadata.json";
  static final String HASH_ANNOTATION = "openshell.io/policy-hash";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** {@code sha256:<lowercase hex>} of the UTF-8 bytes of {@code text}. */
  static String hashOf(String text) {
    return PolicyHash.of(text);
  }

  /**
   * Verifies one version. Messages name keys, hashes and positions only, never content: the policy
   * is not secret, but the log is not where it belongs either.
   */
  Verdict verify(Map<String, String> data, Map<String, String> annotations) {
    String policy = data.get(POLICY_KEY);
    String metadata = data.get(METADATA_KEY);
    String annotated = annotations.get(HASH_ANNOTATION);
    if (policy == null) {
      return invalid(RejectReason.MISSING_KEY, "data[\"policy.yaml\"] is missing");
    }
    if (metadata == null) {
      return invalid(RejectReason.MISSING_KEY, "data[\"metadata.json\"] is missing");
    }
    if (annotated == null) {
      return invalid(RejectReason.MISSING_KEY, "annotation " + HASH_ANNOTATION + " is missing");
    }
    String actual = hashOf(policy);
    if (!actual.equals(annotated)) {
      return invalid(
          RejectReason.HASH_MISMATCH,
          "policy.yaml hashes to "
              + actual
              + " but annotation "
              + HASH_ANNOTATION
              + " says "
              + annotated);
    }
    JsonNode meta;
    try {
      meta = JSON.readTree(metadata);
    } catch (JsonProcessingException e) {
      return invalid(RejectReason.INVALID_METADATA, "metadata.json is not valid JSON" + at(e));
    }
    if (meta == null || !meta.isObject()) {
      return invalid(RejectReason.INVALID_METADATA, "metadata.json is not a JSON object");
    }
    JsonNode declared = meta.get("policyHash");
    if (declared == null || !declared.isTextual()) {
      return invalid(RejectReason.INVALID_METADATA, "metadata.json has no string policyHash");
    }
    if (!actual.equals(declared.asText())) {
      return invalid(
          RejectReason.HASH_MISMATCH,
          "policy.yaml hashes to "
              + actual
              + " but metadata.json policyHash says "
              + declared.asText());
    }
    String policyProblem = policyProblem(policy);
    if (policyProblem != null) {
      return invalid(RejectReason.INVALID_POLICY, policyProblem);
    }
    return new Verdict.Valid(
        new PolicyVersion(
            policy,
            metadata,
            actual,
            text(meta, "policySource"),
            number(meta, "sandboxGeneration"),
            number(meta, "settingsGeneration"),
            text(meta, "providerEnvRevision")));
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
      return "policy.yaml is not valid YAML" + at(e);
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

  // Only the position: Jackson's own message may quote the offending content.
  private static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static Verdict invalid(RejectReason reason, String detail) {
    return new Verdict.Invalid(reason, detail);
  }

  private static String text(JsonNode meta, String field) {
    JsonNode node = meta.get(field);
    return node == null || node.isNull() ? "" : node.asText();
  }

  private static long number(JsonNode meta, String field) {
    JsonNode node = meta.get(field);
    return node != null && node.canConvertToLong() ? node.asLong() : -1;
  }
}
