package io.openshell.operator.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openshell.policy.compose.EffectivePolicy;
import io.openshell.policy.compose.Layer;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a sandbox's effective-policy ConfigMap: {@code policy.yaml}, {@code metadata.json}
 * and the hash annotation. Built only from a composed (accepted) policy and input versions, so no
 * credential value can reach it.
 *
 * @param policyYaml OpenShell {@code policy.yaml} bytes as text
 * @param metadataJson {@code metadata.json}
 * @param policyHash {@code sha256:<hex>} of {@code policyYaml}
 */
public record PolicyDocument(String policyYaml, String metadataJson, String policyHash) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public PolicyDocument {
    Objects.requireNonNull(policyYaml, "policyYaml");
    Objects.requireNonNull(metadataJson, "metadataJson");
    Objects.requireNonNull(policyHash, "policyHash");
  }

  /**
   * The document for a composed policy.
   *
   * @param effective the accepted effective policy
   * @param sandboxGeneration the sandbox's {@code metadata.generation}
   * @param settingsGeneration the settings' generation (0 when the settings object is absent)
   */
  public static PolicyDocument of(
      EffectivePolicy effective, long sandboxGeneration, long settingsGeneration) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("policyHash", effective.policyHash());
    meta.put("policySource", effective.source().label());
    meta.put("providerEnvRevision", effective.providerEnvRevision());
    meta.put("providersV2Enabled", effective.providersV2Enabled());
    meta.put("sandboxGeneration", sandboxGeneration);
    meta.put("settingsGeneration", settingsGeneration);
    meta.put("layers", effective.layers().stream().map(PolicyDocument::layer).toList());
    try {
      return new PolicyDocument(
          effective.policyYaml(), JSON.writeValueAsString(meta) + "\n", effective.policyHash());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> layer(Layer l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", l.provider());
    m.put("type", l.type());
    m.put("profile", l.profile());
    m.put("profileGeneration", l.profileGeneration());
    m.put("ruleKey", l.ruleKey());
    return m;
  }
}
