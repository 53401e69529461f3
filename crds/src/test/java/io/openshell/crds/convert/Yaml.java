package io.openshell.crds.convert;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Round trips through fabric8's serializer, as the operator and the plugin read and write CRs. */
final class Yaml {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Yaml() {}

  /** Writes {@code value} as YAML and reads it back: proves every field has a bean property. */
  static <T> T throughYaml(T value, Class<T> type) {
    return SERIALIZATION.unmarshal(SERIALIZATION.asYaml(value), type);
  }

  static <T> T read(Path file, Class<T> type) {
    try {
      return SERIALIZATION.unmarshal(Files.readString(file), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
