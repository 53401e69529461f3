package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real {@code kubectl} (found on PATH, else skipped) against the dev API server. */
class KubectlE2E {

  private static Path kubectl;
  private static DevApiServer server;
  @TempDir static Path work;
  private static Path kubeconfig;

  /** Outcome of one kubectl run. */
  record Run(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void startServer() {
    kubectl = findOnPath("kubectl").orElse(null);
    assumeTrue(kubectl != null, "no kubectl on PATH");
    server = DevApiServer.start(0);
    kubeconfig = server.writeKubeconfig(work.resolve("openshell-dev.yaml"));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static Optional<Path> findOnPath(String name) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Run kubectlWithInput(String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.add("--kubeconfig");
    command.add(kubeconfig.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // kubectl must not read the developer's own config or cache discovery across runs.
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("HOME", work.toString());
    Process process = builder.start();
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    // A bound against a hang (e.g. a protobuf request), not a speed assertion.
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Run kubectl(String... args) throws IOException, InterruptedException {
    return kubectlWithInput(null, args);
  }

  private static String resource(String path) throws Exception {
    return Path.of(KubectlE2E.class.getResource(path).toURI()).toString();
  }

  private static void applyCrdThenCr() throws Exception {
    assertThat(
            kubectl(
                    "apply",
                    "--validate=false",
                    "-f",
                    resource("/crds/sandboxes.openshell.io-v1.yml"))
                .exitCode())
        .isZero();
    assertThat(
            kubectl("apply", "--validate=false", "-f", resource("/kubectl/sandbox-demo.yaml"))
                .exitCode())
        .isZero();
  }

  @Test
  void versionShowsTheDevelopmentServer() throws Exception {
    Run run = kubectl("version");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Server Version: " + DiscoveryCrudDispatcher.SERVER_VERSION);
  }

  @Test
  void getConfigMapsInDefaultListsWhatTheFabric8ClientCreated() throws Exception {
    try (var client = server.newClient()) {
      client
          .configMaps()
          .inNamespace("default")
          .resource(
              new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("listed")
                  .endMetadata()
                  .build())
          .create();
    }

    Run run = kubectl("get", "configmaps", "-n", "default", "-o", "name");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("configmap/listed");
  }

  @Test
  void applyingACrdAndACrInOneFileCreatesTheCrOnTheSecondApply() throws Exception {
    kubectl("apply", "--validate=false", "-f", resource("/kubectl/crd-and-cr.yaml"));

    Run second = kubectl("apply", "--validate=false", "-f", resource("/kubectl/crd-and-cr.yaml"));

    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.stdout()).contains("sandbox.openshell.io/demo");
  }

  @Test
  void getByShortNameAndByCategoryListTheCr() throws Exception {
    applyCrdThenCr();

    Run byShortName = kubectl("get", "sbx", "-o", "name");
    Run byCategory = kubectl("get", "openshell", "-o", "name");

    assertThat(byShortName.stdout()).as(byShortName.stderr()).contains("sandbox.openshell.io/demo");
    assertThat(byCategory.stdout()).as(byCategory.stderr()).contains("sandbox.openshell.io/demo");
  }

  @Test
  void mergePatchChangesTheSpecAndBumpsTheGeneration() throws Exception {
    applyCrdThenCr();
    String before = kubectl("get", "sbx", "demo", "-o", "jsonpath={.metadata.generation}").stdout();

    Run patch =
        kubectl("patch", "sbx", "demo", "--type=merge", "-p", "{\"spec\":{\"image\":\"patched\"}}");

    assertThat(patch.exitCode()).as(patch.stderr()).isZero();
    assertThat(kubectl("get", "sbx", "demo", "-o", "jsonpath={.spec.image}").stdout())
        .isEqualTo("patched");
    assertThat(
            Long.parseLong(
                kubectl("get", "sbx", "demo", "-o", "jsonpath={.metadata.generation}").stdout()))
        .isGreaterThan(Long.parseLong(before));
  }

  @Test
  void statusSubresourcePatchIsStored() throws Exception {
    applyCrdThenCr();

    Run patch =
        kubectl(
            "patch",
            "sbx",
            "demo",
            "--subresource=status",
            "--type=merge",
            "-p",
            "{\"status\":{\"phase\":\"Ready\"}}");

    assertThat(patch.exitCode()).as(patch.stderr()).isZero();
    assertThat(kubectl("get", "sbx", "demo", "-o", "jsonpath={.status.phase}").stdout())
        .isEqualTo("Ready");
  }

  @Test
  void reApplyingAChangedConfigMapUpdatesIt() throws Exception {
    String v1 =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: reapplied, namespace: default}\ndata: {a: '1'}\n";
    kubectlWithInput(v1, "apply", "--validate=false", "-f", "-");

    Run again = kubectlWithInput(v1.replace("'1'", "'2'"), "apply", "--validate=false", "-f", "-");

    assertThat(again.stdout()).as(again.stderr()).contains("configmap/reapplied configured");
    assertThat(kubectl("get", "cm", "reapplied", "-o", "jsonpath={.data.a}").stdout())
        .isEqualTo("2");
  }

  @Test
  void createNamespaceIsRefusedQuicklyBecauseItSendsProtobuf() throws Exception {
    Run run = kubectl("create", "namespace", "typed");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("UnsupportedMediaType");
  }

  @Test
  void theDocumentedNamespaceWorkaroundCreatesTheNamespace() throws Exception {
    String manifest =
        kubectl("create", "ns", "viaapply", "--dry-run=client", "-o", "yaml").stdout();

    Run apply = kubectlWithInput(manifest, "apply", "--validate=false", "-f", "-");

    assertThat(apply.stdout()).as(apply.stderr()).contains("namespace/viaapply created");
    assertThat(kubectl("get", "ns", "viaapply", "-o", "name").stdout())
        .contains("namespace/viaapply");
  }

  @Test
  void serverSideApplyCreatesThenUpdates() throws Exception {
    String cm =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, namespace: default}\ndata: {a: '1'}\n";
    Run create = kubectlWithInput(cm, "apply", "--validate=false", "--server-side", "-f", "-");
    Run update =
        kubectlWithInput(
            cm.replace("'1'", "'2'"), "apply", "--validate=false", "--server-side", "-f", "-");

    assertThat(create.stdout()).as(create.stderr()).contains("serverside-applied");
    assertThat(update.stdout()).as(update.stderr()).contains("serverside-applied");
    assertThat(kubectl("get", "cm", "ssa", "-o", "jsonpath={.data.a}").stdout()).isEqualTo("2");
  }
}
