package io.openshell.policy.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The operator ↔ policy agent contract: what the {@code openshell-policy-<sandbox>} ConfigMap
 * carries. The operator writes it with {@link #toData()} and {@link #annotations()}; the agent and
 * the plugin read it with {@link #fromData}. The names live in {@link Names}.
 *
 * @param policyYaml the canonical {@code policy.yaml} text
 * @param metadata the {@code metadata.json} content
 */
public record PolicyBundle(String policyYaml, PolicyMetadata metadata) {

  public PolicyBundle {
    Objects.requireNonNull(policyYaml, "policyYaml");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The names of the contract: ConfigMap, data keys and annotations. */
  public static final class Names {
    private Names() {}

    /** The ConfigMap of sandbox {@code s} is {@code openshell-policy-<s>}. */
    public static final String CONFIG_MAP_PREFIX = "openshell-policy-";

    /** Data key of the effective policy. */
    public static final String POLICY_KEY = "policy.yaml";

    /** Data key of the metadata. */
    public static final String METADATA_KEY = "metadata.json";

    /** On the ConfigMap: {@link PolicyHash} of {@code policy.yaml}. */
    public static final String POLICY_HASH_ANNOTATION = "openshell.io/policy-hash";

    /** On the sandbox Pod: the hash the policy agent enforces. */
    public static final String APPLIED_POLICY_HASH_ANNOTATION = "openshell.io/applied-policy-hash";

    /** {@code openshell-policy-<sandbox name>}. */
    public static String configMapName(String sandboxName) {
      return CONFIG_MAP_PREFIX + sandboxName;
    }
  }

  /** The hash of {@link #policyYaml()}, as the metadata and the annotation carry it. */
  public String policyHash() {
    return metadata.policyHash();
  }

  /** The ConfigMap's {@code data}: {@code policy.yaml} then {@code metadata.json}. */
  public Map<String, String> toData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(Names.POLICY_KEY, policyYaml);
    data.put(Names.METADATA_KEY, metadata.toJson());
    return data;
  }

  /** The ConfigMap's annotations: the policy hash. */
  public Map<String, String> annotations() {
    return Map.of(Names.POLICY_HASH_ANNOTATION, metadata.policyHash());
  }

  /** Why a ConfigMap's content is not a bundle. */
  public enum Problem {
    /** {@code policy.yaml}, {@code metadata.json} or the hash annotation is absent. */
    MISSING_KEY,
    /** sha256(policy.yaml) differs from the annotation or from metadata.json's policyHash. */
    HASH_MISMATCH,
    /** {@code metadata.json} is not a JSON object with a string {@code policyHash}. */
    INVALID_METADATA
  }

  /** The result of {@link #fromData}: a bundle whose hashes agree, or why not. */
  public sealed interface Read permits Read.Ok, Read.Refused {
    /**
     * The content is a bundle: both keys present, all three hashes equal.
     *
     * @param bundle the bundle
     */
    record Ok(PolicyBundle bundle) implements Read {
      public Ok {
        Objects.requireNonNull(bundle, "bundle");
      }
    }

    /**
     * The content is not a bundle.
     *
     * @param problem which rule it breaks
     * @param detail names keys, hashes and positions only, never policy or metadata content
     */
    record Refused(Problem problem, String detail) implements Read {
      public Refused {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
      }
    }
  }

  /**
   * Reads a ConfigMap's data and annotations. Checks, in order: both keys and the hash annotation
   * are present; {@code policy.yaml} hashes to the annotation; {@code metadata.json} is a JSON
   * object with a string {@code policyHash} equal to that hash. Whether {@code policy.yaml} is a
   * valid policy is the reader's own check ({@link PolicyYaml#read}).
   *
   * @param data the ConfigMap's data (null reads as empty)
   * @param annotations the ConfigMap's annotations (null reads as empty)
   */
  public static Read fromData(Map<String, String> data, Map<String, String> annotations) {
    Map<String, String> d = data == null ? Map.of() : data;
    Map<String, String> a = annotations == null ? Map.of() : annotations;
    String policy = d.get(Names.POLICY_KEY);
    String metadata = d.get(Names.METADATA_KEY);
    String annotated = a.get(Names.POLICY_HASH_ANNOTATION);
    if (policy == null) {
      return refused(Problem.MISSING_KEY, "data[\"" + Names.POLICY_KEY + "\"] is missing");
    }
    if (metadata == null) {
      return refused(Problem.MISSING_KEY, "data[\"" + Names.METADATA_KEY + "\"] is missing");
    }
    if (annotated == null) {
      return refused(
          Problem.MISSING_KEY, "annotation " + Names.POLICY_HASH_ANNOTATION + " is missing");
    }
    String actual = PolicyHash.of(policy);
    if (!actual.equals(annotated)) {
      return refused(
          Problem.HASH_MISMATCH,
          "policy.yaml hashes to "
              + actual
              + " but annotation "
              + Names.POLICY_HASH_ANNOTATION
              + " says "
              + annotated);
    }
    JsonNode meta;
    try {
      meta = PolicyMetadata.readTree(metadata);
    } catch (JsonProcessingException e) {
      return refused(Problem.INVALID_METADATA, "metadata.json is not valid JSON" + at(e));
    }
    if (meta == null || !meta.isObject()) {
      return refused(Problem.INVALID_METADATA, "metadata.json is not a JSON object");
    }
    JsonNode declared = meta.get("policyHash");
    if (declared == null || !declared.isTextual()) {
      return refused(Problem.INVALID_METADATA, "metadata.json has no string policyHash");
    }
    if (!actual.equals(declared.asText())) {
      return refused(
          Problem.HASH_MISMATCH,
          "policy.yaml hashes to "
              + actual
              + " but metadata.json policyHash says "
              + declared.asText());
    }
    return new Read.Ok(new PolicyBundle(policy, PolicyMetadata.of(meta)));
  }

  /**
   * Only the position: Jackson's own message may quote the offending content.
   *
   * @param e a JSON or YAML reading error
   * @return {@code " (line L, column C)"}, or {@code ""} when the position is unknown
   */
  public static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static Read refused(Problem problem, String detail) {
    return new Read.Refused(problem, detail);
  }
}
