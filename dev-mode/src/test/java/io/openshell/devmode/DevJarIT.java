package io.openshell.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The development launcher jar runs its own main and carries the development API server. */
class DevJarIT {
  @Test
  void theDevJarStartsTheEmbeddedModeAndCarriesTheDevelopmentApiServer() throws Exception {
    try (JarFile jar = new JarFile(Path.of("target/openshell-dev.jar").toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(EmbeddedMode.class.getName());
      assertThat(jar.getEntry("io/openshell/devapi/DevApiServer.class")).isNotNull();
      assertThat(jar.getEntry("io/openshell/operator/OperatorMain.class")).isNotNull();
    }
  }
}
