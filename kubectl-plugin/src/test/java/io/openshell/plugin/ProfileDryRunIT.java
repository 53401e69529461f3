package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile update|import --dry-run}: every check runs, nothing is written, and each sandbox
 * using the profile is previewed (policy change, unified diff of policy.yaml, refusals).
 */
class ProfileDryRunIT extends ClusterIT {
  @TempDir Path tmp;

  /** The my-api profile with its endpoints removed, as an edited export (resource_version 1). */
  private Path withoutEndpoints() throws IOException {
    String original = Files.readString(ProfileCommandsIT.resource("my-api.yaml"));
    String edited =
        original.replaceAll("(?s)endpoints:\n(  .*?\n)+(?=binaries:)", "endpoints: []\n")
            + "resource_version: 1\n";
    return Files.writeString(tmp.resolve("my-api.yaml"), edited);
  }

  @BeforeEach
  void sandboxesUsingMyApi() {
    fx.settings(Map.of("providersV2Enabled", true));
    assertThat(
            cli.run("profile", "import", "-f", ProfileCommandsIT.resource("my-api.yaml").toString())
                .exitCode())
        .isZero();
    fx.provider("static-api", "my-api", "MY_API_KEY");
    fx.provider("runtime-api", "my-api");
    fx.provider("other", "no-such-profile");
    fx.sandbox("box-static", "static-api");
    fx.sandbox("box-runtime", "runtime-api");
    fx.sandbox("box-unrelated", "other");
  }

  /** Every object's resourceVersion, to prove a dry run writes nothing. */
  private Map<String, String> versions() {
    Map<String, String> out = new TreeMap<>();
    for (Class<? extends HasMetadata> kind :
        java.util.List.of(Sandbox.class, Provider.class, ProviderProfile.class)) {
      for (HasMetadata o : client.resources(kind).inAnyNamespace().list().getItems()) {
        out.put(
            kind.getSimpleName() + "/" + o.getMetadata().getName(),
            o.getMetadata().getResourceVersion());
      }
    }
    return out;
  }

  @Test
  void updateDryRunPreviewsEverySandboxRefusesLikeTheUpdateAndWritesNothing() throws IOException {
    Map<String, String> before = versions();
    Cli.Run r =
        cli.run("profile", "update", "my-api", "-f", withoutEndpoints().toString(), "--dry-run");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("Dry run of provider profile update (my-api): nothing was written.\n")
        .contains("default/box-runtime: effective policy changes\n")
        .contains("--- default/box-runtime/policy.yaml (current)\n")
        .contains("+++ default/box-runtime/policy.yaml (after update)\n")
        .containsPattern("(?m)^@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@$")
        .containsPattern("(?m)^-.*api\\.example\\.com")
        .contains(
            "  refused: update would leave static provider credentials without an authorized"
                + " endpoint on sandbox 'default/box-static'\n")
        .doesNotContain("box-unrelated");
    assertThat(r.err())
        .startsWith("provider profile update failed (dry run: nothing was written)\n")
        .contains("default/box-static");
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void updateDryRunAsJsonGivesTheStructuredChange() throws IOException {
    Map<String, String> before = versions();
    Cli.Run r =
        cli.run(
            "profile",
            "update",
            "my-api",
            "-f",
            withoutEndpoints().toString(),
            "--dry-run",
            "-o",
            "json");

    assertThat(r.exitCode()).isEqualTo(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(r.out(), Map.class);
    assertThat(json).containsEntry("dryRun", true).containsEntry("refused", true);
    assertThat(json.get("sandboxes").toString())
        .contains("sandbox=default/box-runtime, changes=true")
        .contains("sandbox=default/box-static");
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void importDryRunPreviewsTheLayerANewProfileAddsAndCreatesNothing() throws IOException {
    String other =
        Files.readString(ProfileCommandsIT.resource("my-api.yaml"))
            .replace("id: my-api", "id: no-such-profile")
            .replace("MY_API_KEY", "OTHER_KEY")
            .replace("api.example.com", "other.example.com");
    Path file = Files.writeString(tmp.resolve("other.yaml"), other);
    Map<String, String> before = versions();

    Cli.Run r = cli.run("profile", "import", "-f", file.toString(), "--dry-run");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("default/box-unrelated: effective policy changes\n")
        .containsPattern("(?m)^\\+.*other\\.example\\.com")
        .doesNotContain("box-static");
    assertThat(versions()).isEqualTo(before);
    assertThat(client.resources(ProviderProfile.class).withName("no-such-profile").get()).isNull();
  }

  @Test
  void aStaleResourceVersionIsRefusedByTheDryRunAsByTheUpdate() throws IOException {
    Path stale =
        Files.writeString(
            tmp.resolve("stale.yaml"),
            Files.readString(withoutEndpoints())
                .replace("resource_version: 1", "resource_version: 7"));
    Cli.Run r = cli.run("profile", "update", "my-api", "-f", stale.toString(), "--dry-run");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("provider profile was modified concurrently (current resource_version: 1)");
    assertThat(r.out()).isEmpty();
  }
}
