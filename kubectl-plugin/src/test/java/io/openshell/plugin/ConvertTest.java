package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert} needs no cluster: OpenShell files in, manifests out. */
class ConvertTest {
  @TempDir Path tmp;

  @Test
  void aProfileFileBecomesAProviderProfileManifest() {
    Cli.Run r =
        CommandLineTest.run("convert", "-f", ProfileCommandsIT.resource("my-api.yaml").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("apiVersion: openshell.io/v1alpha1\nkind: ProviderProfile\n")
        .contains("  name: my-api\n")
        .contains("    envVars:\n    - MY_API_KEY\n");
  }

  @Test
  void aPolicyFileBecomesASandboxManifestNamedByTheFlag() throws IOException {
    Path policy = Files.writeString(tmp.resolve("policy.yaml"), PolicyCommandsIT.USER_POLICY);
    Cli.Run r = CommandLineTest.run("convert", "-f", policy.toString(), "--name", "box");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("apiVersion: openshell.io/v1alpha1\nkind: Sandbox\nmetadata:\n  name: box\n")
        .contains("    networkPolicies:\n      web:\n");
  }

  @Test
  void aPolicyFileWithGlobalBecomesTheSettingsGlobalPolicy() throws IOException {
    Path policy = Files.writeString(tmp.resolve("policy.yaml"), PolicyCommandsIT.USER_POLICY);
    Cli.Run r = CommandLineTest.run("convert", "-f", policy.toString(), "--global");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("kind: OpenShellSettings\n").contains("  globalPolicy:\n");
  }

  @Test
  void severalFilesBecomeSeveralDocuments() throws IOException {
    Path policy = Files.writeString(tmp.resolve("box.yaml"), PolicyCommandsIT.USER_POLICY);
    Cli.Run r =
        CommandLineTest.run(
            "convert",
            "-f",
            ProfileCommandsIT.resource("my-api.yaml").toString(),
            "-f",
            policy.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("\n---\n").contains("kind: Sandbox\nmetadata:\n  name: box\n");
  }

  @Test
  void anUnreadableProfileFileIsRefusedWithItsParseError() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "id: x\ncategory: nonsense\n");
    Cli.Run r = CommandLineTest.run("convert", "-f", bad.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("field=file");
  }
}
