package io.openshell.policy.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code metadata.json} half of a {@link PolicyBundle}: where the delivered policy came from.
 * Its JSON (field names, order, pretty printing, trailing newline) is the wire format the policy
 * agent and the plugin read; {@code PolicyBundleTest} pins it byte for byte.
 *
 * <p>Read leniently: only {@code policyHash} is required (the agent checks it against {@code
 * policy.yaml}); an absent text field reads as {@code ""}, an absent number as {@code -1}, an
 * absent flag as {@code false} and absent layers as none.
 *
 * @param policyHash {@code sha256:<hex>} of {@code policy.yaml}
 * @param policySource {@code Sandbox} or {@code Global}
 * @param providerEnvRevision the provider environment revision (§7.1)
 * @param providersV2Enabled the {@code providersV2Enabled} setting the policy was composed with
 * @param sandboxGeneration the Sandbox's {@code metadata.generation}
 * @param settingsGeneration the settings' generation (0 when there is no settings object)
 * @param layers what each attached provider contributed, in attachment order
 */
public record PolicyMetadata(
    String policyHash,
    String policySource,
    String providerEnvRevision,
    boolean providersV2Enabled,
    long sandboxGeneration,
    long settingsGeneration,
    List<Layer> layers) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public PolicyMetadata {
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(policySource, "policySource");
    Objects.requireNonNull(providerEnvRevision, "providerEnvRevision");
    layers = List.copyOf(layers);
  }

  /**
   * One provider layer as {@code metadata.json} lists it.
   *
   * @param provider provider name
   * @param type provider type
   * @param profile resolved profile id, {@code ""} when none
   * @param profileGeneration the profile's generation ({@code 0} for built-ins or none)
   * @param ruleKey the {@code _provider_*} key it produced, {@code ""} when none
   */
  public record Layer(
      String provider, String type, String profile, long profileGeneration, String ruleKey) {
    public Layer {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(ruleKey, "ruleKey");
    }

    /** The layer as {@code metadata.json} writes it, in field order. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("provider", provider);
      m.put("type", type);
      m.put("profile", profile);
      m.put("profileGeneration", profileGeneration);
      m.put("ruleKey", ruleKey);
      return m;
    }
  }

  /** The {@code metadata.json} text: pretty-printed JSON object plus a trailing newline. */
  public String toJson() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("policyHash", policyHash);
    meta.put("policySource", policySource);
    meta.put("providerEnvRevision", providerEnvRevision);
    meta.put("providersV2Enabled", providersV2Enabled);
    meta.put("sandboxGeneration", sandboxGeneration);
    meta.put("settingsGeneration", settingsGeneration);
    meta.put("layers", layers.stream().map(Layer::toMap).toList());
    try {
      return JSON.writeValueAsString(meta) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a JSON object whose {@code policyHash} is a string; the other fields leniently (see the
   * class comment). The caller has checked both.
   */
  static PolicyMetadata of(JsonNode meta) {
    List<Layer> layers = new ArrayList<>();
    JsonNode list = meta.get("layers");
    if (list != null && list.isArray()) {
      for (JsonNode l : list) {
        if (l.isObject()) {
          layers.add(
              new Layer(
                  text(l, "provider"),
                  text(l, "type"),
                  text(l, "profile"),
                  number(l, "profileGeneration"),
                  text(l, "ruleKey")));
        }
      }
    }
    JsonNode flag = meta.get("providersV2Enabled");
    return new PolicyMetadata(
        meta.get("policyHash").asText(),
        text(meta, "policySource"),
        text(meta, "providerEnvRevision"),
        flag != null && flag.asBoolean(false),
        number(meta, "sandboxGeneration"),
        number(meta, "settingsGeneration"),
        layers);
  }

  static JsonNode readTree(String json) throws JsonProcessingException {
    return JSON.readTree(json);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToLong() ? value.asLong() : -1;
  }
}
