package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.catalog.BuiltinProfiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileCommandsIT extends ClusterIT {
  @TempDir Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(ProfileCommandsIT.class.getResource("/profiles/" + name)).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content);
  }

  private String myApi() {
    return resource("my-api.yaml").toString();
  }

  private boolean profileExists(String id) {
    return client.genericKubernetesResources(GenericKinds.PROVIDER_PROFILE).withName(id).get()
        != null;
  }

  @Test
  void lintOfAValidProfilePassesWithExitZero() {
    Cli.Run r = cli.run("profile", "lint", "-f", myApi());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Provider profile lint passed.\n");
  }

  @Test
  void lintOfAnInvalidProfileFailsWithExitOneAndOpenShellDiagnostics() {
    String file = resource("query-auth-without-param.yaml").toString();
    Cli.Run r = cli.run("profile", "lint", "-f", file);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("provider profile lint failed\nProvider profile diagnostics:\n")
        .contains(
            "  error "
                + file
                + " profile=broken-api field=credentials.query_param query_param is required for"
                + " query auth\n");
    assertThat(profileExists("broken-api")).isFalse();
  }

  @Test
  void lintReportsAFileErrorAndStillLintsTheOtherFiles() throws IOException {
    // run.rs:4082-4104: file diagnostics are collected, the other files still go to the lint.
    Path empty = write("a-empty.yaml", "# nothing\n");
    write("b-broken.yaml", "id: Broken\ndisplay_name: Broken\n");
    Cli.Run r = cli.run("profile", "lint", "--from", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "  error "
                + empty
                + " profile=- field=file failed to parse provider profile YAML: EOF while parsing"
                + " a value\n")
        .contains("field=id provider profile id must be lowercase kebab-case");
  }

  @Test
  void lintWarnsThatOpenShellReadsOneProfilePerFile() throws IOException {
    Path stream =
        write(
            "stream.yaml", "id: one-api\ndisplay_name: One\n---\nid: two-api\ndisplay_name: Two\n");
    Cli.Run r = cli.run("profile", "lint", "-f", stream.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err())
        .contains(
            "warning "
                + stream
                + " profile=one-api field=file this file holds 2 YAML documents; OpenShell reads"
                + " exactly one provider profile per file and would refuse it");
    assertThat(r.out()).isEqualTo("Provider profile lint passed.\n");
  }

  @Test
  void lintSaysANonUtf8FileIsNotUtf8Text() throws IOException {
    Path f = tmp.resolve("latin1.yaml");
    Files.write(f, new byte[] {'i', 'd', ':', ' ', (byte) 0xE9, '\n'});
    Cli.Run r = cli.run("profile", "lint", "-f", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(f + " is not valid UTF-8 text");
  }

  @Test
  void lintReportsAnIdThatAlreadyExists() {
    cli.run("profile", "import", "-f", myApi());
    Cli.Run r = cli.run("profile", "lint", "-f", myApi());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("custom provider profile 'my-api' already exists");
  }

  @Test
  void importCreatesTheProfileAndCountsIt() {
    Cli.Run r = cli.run("profile", "import", "-f", myApi());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Imported 1 provider profile(s).\n");
    assertThat(profileExists("my-api")).isTrue();
  }

  @Test
  void importIsAllOrNothing() {
    Cli.Run r =
        cli.run(
            "profile",
            "import",
            "-f",
            myApi(),
            "-f",
            resource("query-auth-without-param.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("provider profile import failed\n");
    assertThat(profileExists("my-api")).isFalse();
  }

  @Test
  void importFromADirectoryReadsEveryProfileFile() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("profiles"));
    Files.copy(resource("my-api.yaml"), dir.resolve("a.yaml"));
    Files.writeString(
        dir.resolve("b.yml"),
        Files.readString(resource("my-api.yaml")).replace("id: my-api", "id: my-other-api"));
    Files.writeString(dir.resolve("notes.txt"), "not a profile");
    Cli.Run r = cli.run("profile", "import", "--from", dir.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Imported 2 provider profile(s).\n");
  }

  static java.util.stream.Stream<String> builtinIds() {
    return BuiltinProfiles.ids().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtinIds")
  void aBuiltinExportedInOpenShellsFormatImportsCleanlyUnderANewId(String id) throws IOException {
    Cli.Run export = cli.run("profile", "export", id);
    assertThat(export.exitCode()).isZero();
    assertThat(export.out()).startsWith("id: " + id + "\n").doesNotContain("resource_version");
    Path file = write(id + ".yaml", export.out().replaceFirst("id: " + id, "id: copy-of-" + id));

    Cli.Run lint = cli.run("profile", "lint", "-f", file.toString());
    assertThat(lint.err()).isEmpty();
    assertThat(lint.exitCode()).isZero();
    Cli.Run imported = cli.run("profile", "import", "-f", file.toString());
    assertThat(imported.exitCode()).isZero();
    assertThat(profileExists("copy-of-" + id)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtinIds")
  void importingABuiltinIdIsRefusedAsManagedBySourceBuiltin(String id) throws IOException {
    Path file = write(id + ".yaml", cli.run("profile", "export", id).out());
    Cli.Run r = cli.run("profile", "import", "-f", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "provider profile '"
                + id
                + "' is managed by source 'builtin' and cannot be overwritten");
  }

  @Test
  void exportOfACustomProfileCarriesItsGenerationAsResourceVersion() {
    cli.run("profile", "import", "-f", myApi());
    Cli.Run r = cli.run("profile", "export", "my-api");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("resource_version: 1\n");
  }

  @Test
  void exportWritesSourceAndScopeLastAsOpenShellsResponseDoes() {
    // provider_profile_sources.rs:609-610 stamps source/scope; profiles.rs:396-400 writes them.
    cli.run("profile", "import", "-f", myApi());
    assertThat(cli.run("profile", "export", "my-api").out())
        .endsWith("source: user\nscope: platform\n");
    assertThat(cli.run("profile", "export", "github").out())
        .endsWith("source: builtin\nscope: platform\n");
  }

  @Test
  void exportAsCrPrintsAProviderProfileManifest() {
    cli.run("profile", "import", "-f", myApi());
    Cli.Run r = cli.run("profile", "export", "my-api", "-o", "cr");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("apiVersion: openshell.io/v1alpha1\nkind: ProviderProfile\n")
        .contains("  name: my-api\n")
        .contains("  displayName: My API\n")
        .doesNotContain("status");
  }

  @Test
  void exportOfAnUnknownProfileIsRefused() {
    Cli.Run r = cli.run("profile", "export", "nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).endsWith("\nprovider profile not found\n");
  }

  @Test
  void updateWithTheExportedResourceVersionReplacesTheProfile() throws IOException {
    cli.run("profile", "import", "-f", myApi());
    Path edited =
        write(
            "edited.yaml",
            cli.run("profile", "export", "my-api")
                .out()
                .replace("display_name: My API", "display_name: My Better API"));
    Cli.Run r = cli.run("profile", "update", "my-api", "-f", edited.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Updated provider profile. resource_version: 2\n");
    assertThat(cli.run("profile", "export", "my-api").out())
        .contains("display_name: My Better API")
        .contains("resource_version: 2");
  }

  @Test
  void updateWithAStaleResourceVersionIsRefusedWithOpenShellsMessage() throws IOException {
    cli.run("profile", "import", "-f", myApi());
    String exported = cli.run("profile", "export", "my-api").out();
    Path first = write("first.yaml", exported.replace("My API", "First edit"));
    Path second = write("second.yaml", exported.replace("My API", "Second edit"));
    assertThat(cli.run("profile", "update", "my-api", "-f", first.toString()).exitCode()).isZero();

    Cli.Run r = cli.run("profile", "update", "my-api", "-f", second.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "provider profile update failed\n"
                + "provider profile was modified concurrently (current resource_version: 2)\n");
    assertThat(cli.run("profile", "export", "my-api").out()).contains("First edit");
  }

  @Test
  void aStatusWriteDoesNotMakeAnExportedFileStale() throws IOException {
    cli.run("profile", "import", "-f", myApi());
    Path edited =
        write(
            "edited.yaml",
            cli.run("profile", "export", "my-api").out().replace("My API", "Edited"));
    var stored =
        client.genericKubernetesResources(GenericKinds.PROVIDER_PROFILE).withName("my-api").get();
    stored.setAdditionalProperty(
        "status", java.util.Map.of("observedGeneration", 1, "conditions", java.util.List.of()));
    client
        .genericKubernetesResources(GenericKinds.PROVIDER_PROFILE)
        .resource(stored)
        .updateStatus();

    Cli.Run r = cli.run("profile", "update", "my-api", "-f", edited.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void updateFromAManifestUsesItsResourceVersionAsThePrecondition() throws IOException {
    cli.run("profile", "import", "-f", myApi());
    var stored =
        client.genericKubernetesResources(GenericKinds.PROVIDER_PROFILE).withName("my-api").get();
    String rv = stored.getMetadata().getResourceVersion();
    String manifest =
        cli.run("profile", "export", "my-api", "-o", "cr")
            .out()
            .replace("  name: my-api\n", "  name: my-api\n  resourceVersion: \"" + rv + "\"\n")
            .replace("displayName: My API", "displayName: From Git");
    Path file = write("my-api.cr.yaml", manifest);
    Cli.Run first = cli.run("profile", "update", "my-api", "-f", file.toString());
    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();

    Cli.Run again = cli.run("profile", "update", "my-api", "-f", file.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .endsWith("provider profile was modified concurrently (current resource_version: 2)\n");
  }

  @Test
  void updateWithoutAResourceVersionIsRefused() {
    cli.run("profile", "import", "-f", myApi());
    Cli.Run r = cli.run("profile", "update", "my-api", "-f", myApi());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "field=resource_version custom provider profile update requires a non-zero"
                + " resource_version; export the current profile before editing it");
  }

  @Test
  void updateOfABuiltinIsRefused() throws IOException {
    Path file =
        write(
            "github.yaml", "resource_version: 1\n" + cli.run("profile", "export", "github").out());
    Cli.Run r = cli.run("profile", "update", "github", "-f", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("provider profile 'github' is managed by source 'builtin' and cannot be updated");
  }

  @Test
  void updateWhoseFileNamesAnotherIdIsRefused() throws IOException {
    cli.run("profile", "import", "-f", myApi());
    Path other =
        write(
            "other.yaml",
            cli.run("profile", "export", "my-api").out().replace("id: my-api", "id: your-api"));
    Cli.Run r = cli.run("profile", "update", "my-api", "-f", other.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("provider profile update target 'my-api' does not match payload id 'your-api'");
  }

  @Test
  void deleteOfAProfileInUseIsRefusedNamingTheSandboxes() {
    cli.run("profile", "import", "-f", myApi());
    fx.provider("mine", "my-api", "MY_API_KEY");
    fx.sandbox("box-b", "mine");
    fx.sandbox("box-a", "mine");
    fx.sandbox("unrelated");
    Cli.Run r = cli.run("profile", "delete", "my-api");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Provider profile 'my-api' was not deleted.\n"
                + "provider profile 'my-api' is in use by sandboxes: default/box-a, default/box-b\n");
    assertThat(profileExists("my-api")).isTrue();
  }

  @Test
  void deleteOfAnUnusedCustomProfileDeletesIt() {
    cli.run("profile", "import", "-f", myApi());
    fx.provider("mine", "my-api", "MY_API_KEY");
    Cli.Run r = cli.run("profile", "delete", "my-api");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Deleted provider profile 'my-api'.\n");
    assertThat(profileExists("my-api")).isFalse();
  }

  @Test
  void deleteOfABuiltinIsRefused() {
    Cli.Run r = cli.run("profile", "delete", "github");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .endsWith(
            "provider profile 'github' is managed by source 'builtin' and cannot be deleted\n");
  }

  @Test
  void listGroupsBuiltinAndCustomProfilesByCategory() {
    cli.run("profile", "import", "-f", myApi());
    Cli.Run r = cli.run("profile", "list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Available Provider Profiles:\n\nOTHER\n");
    assertThat(r.out().indexOf("SOURCE CONTROL")).isLessThan(r.out().indexOf("\nDATA\n"));
    assertThat(r.out()).containsPattern("my-api +platform +user +My API +1\n");
    assertThat(r.out()).containsPattern("github +- +builtin +GitHub +3\n");
  }
}
