package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;

/**
 * A schema customizer for the CRD generator that applies its input as an RFC 7386 JSON merge patch
 * onto the generated schema of the annotated class, recursing into nested objects (fabric8's own
 * {@code MergePatchCustomizer} replaces the whole {@code properties} map instead).
 *
 * <p>Why: the generator has no annotation for {@code x-kubernetes-list-type}, {@code
 * x-kubernetes-list-map-keys} or string enums; this is its supported extension point, so the
 * committed CRD YAML stays exactly what the build generates.
 */
public final class DeepMergeCustomizer implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String input, KubernetesSerialization serialization) {
    JsonNode target = serialization.convertValue(schema, JsonNode.class);
    JsonNode patch = serialization.unmarshal(input, JsonNode.class);
    return serialization.convertValue(merge(target, patch), JSONSchemaProps.class);
  }

  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject() || !target.isObject()) {
      return patch;
    }
    ObjectNode result = ((ObjectNode) target).deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        JsonNode existing = result.get(field.getKey());
        result.set(
            field.getKey(),
            existing == null ? field.getValue() : merge(existing, field.getValue()));
      }
    }
    return result;
  }
}
