package io.openshell.plugin.kube;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.v1alpha1.SandboxSpec;
import java.io.IOException;

/**
 * The plugin's JSON mapping: fabric8's, except that a sandbox's pod template is read as a marker
 * that says one is there.
 *
 * <p>No command reads a pod template (policy, providers and status live elsewhere; {@code --wait}
 * only asks whether there is one), but binding {@code spec.podTemplate} builds Jackson
 * deserializers for the whole {@code core/v1} pod graph, about 1,000 classes and 150 ms of every
 * command that reads a sandbox (docs/benchmarks.md, "kubectl openshell start-up"). Writes are
 * unaffected: {@link Cluster#compareAndSet} sends a merge patch of what an edit changed, and the
 * marker is equal on both sides, so a stored pod template is never part of a patch.
 */
public final class PluginSerialization {
  private PluginSerialization() {}

  /** A new mapping; the plugin uses one, {@link KubeJson#MAPPING}. */
  public static KubernetesSerialization create() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.addMixIn(SandboxSpec.class, SandboxSpecMixIn.class);
    return new KubernetesSerialization(mapper, true);
  }

  /** True when {@code template} is the plugin's stand-in for a stored pod template. */
  public static boolean isPresenceMarker(PodTemplateSpec template) {
    return template instanceof PodTemplatePresent;
  }

  /** The stand-in: a pod template is there; its contents were not read. */
  static final class PodTemplatePresent extends PodTemplateSpec {
    @Override
    public boolean equals(Object o) {
      return o instanceof PodTemplatePresent;
    }

    @Override
    public int hashCode() {
      return PodTemplatePresent.class.hashCode();
    }
  }

  /** Skips the template's JSON and answers the marker ({@code null} stays {@code null}). */
  static final class PresenceDeserializer extends JsonDeserializer<PodTemplateSpec> {
    @Override
    public PodTemplateSpec deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      p.skipChildren();
      return new PodTemplatePresent();
    }
  }

  /** Writes the marker as an empty object, the same for the stored and the edited sandbox. */
  static final class PresenceSerializer extends JsonSerializer<PodTemplateSpec> {
    @Override
    public void serialize(PodTemplateSpec value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeStartObject();
      gen.writeEndObject();
    }
  }

  /** Jackson mix-in for {@link SandboxSpec}'s {@code podTemplate} field. */
  abstract static class SandboxSpecMixIn {
    @JsonDeserialize(using = PresenceDeserializer.class)
    @JsonSerialize(using = PresenceSerializer.class)
    PodTemplateSpec podTemplate;
  }
}
