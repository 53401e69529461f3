package io.openshell.crds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The generated CRDs as classpath resources, in install order (profiles before their users). */
public final class CrdResources {
  /** Where the CRD generator puts the four CRDs in this module's jar. */
  public static final List<String> PATHS =
      List.of(
          "META-INF/fabric8/providerprofiles.openshell.io-v1.yml",
          "META-INF/fabric8/providers.openshell.io-v1.yml",
          "META-INF/fabric8/sandboxes.openshell.io-v1.yml",
          "META-INF/fabric8/openshellsettings.openshell.io-v1.yml");

  private CrdResources() {}

  /** Reads one of {@link #PATHS}; fails naming the resource when it is not on the classpath. */
  public static byte[] read(String path) {
    try (InputStream in = CrdResources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("CRD not on the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
