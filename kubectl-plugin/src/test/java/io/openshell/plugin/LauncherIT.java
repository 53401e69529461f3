package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launcher, shaded jar and krew package, run as a user runs them: as processes
 * (integration tests run after {@code package}, so the jar exists).
 */
class LauncherIT extends ClusterIT {
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path LAUNCHER = MODULE.resolve("bin/kubectl-openshell");
  static final Path JAR = MODULE.resolve("target/kubectl-openshell.jar");

  @TempDir Path tmp;

  record Proc(int exitCode, String out, String err) {}

  static Proc exec(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Proc(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theLauncherFindsTheJarOfASourceCheckout() throws Exception {
    Proc p = exec(Map.of(), "bash", LAUNCHER.toString(), "--version");
    assertThat(p.exitCode()).isZero();
    assertThat(p.out()).startsWith("kubectl-openshell ");
  }

  @Test
  void theLauncherFollowsASymlinkOnPath() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("kubectl-openshell"), LAUNCHER);
    Proc p = exec(Map.of(), "bash", link.toString(), "--version");
    assertThat(p.exitCode()).isZero();
  }

  @Test
  void theLauncherFailsClearlyWhenTheJarIsMissing() throws Exception {
    Proc p =
        exec(
            Map.of("OPENSHELL_PLUGIN_JAR", tmp.resolve("none.jar").toString()),
            "bash",
            LAUNCHER.toString(),
            "--version");
    assertThat(p.exitCode()).isEqualTo(1);
    assertThat(p.err()).contains("cannot find kubectl-openshell.jar");
  }

  @Test
  void theShadedJarPassesExitCodesThrough() throws Exception {
    assertThat(exec(Map.of(), "java", "-jar", JAR.toString(), "attach").exitCode()).isEqualTo(2);
  }

  @Test
  void kubectlFindsThePluginOnPathAndItTalksToTheCluster() throws Exception {
    // the machine's kubectl, or the one .ci/run fetches into .tools/
    Path ciKubectl = MODULE.getParent().resolve(".tools/kubectl/kubectl");
    String kubectlDir =
        onPath("kubectl")
            ? null
            : Files.isExecutable(ciKubectl) ? ciKubectl.getParent().toString() : null;
    assumeTrue(onPath("kubectl") || kubectlDir != null, "kubectl is not installed");
    Path kubeconfig = server.writeKubeconfig(tmp.resolve("config"));
    fx.sandbox("box");
    fx.provider("pypi-mirror", "pypi");
    Map<String, String> env =
        Map.of(
            "PATH",
            LAUNCHER.getParent() + ":" + System.getenv("PATH"),
            "KUBECONFIG",
            kubeconfig.toString());
    String kubectl = kubectlDir == null ? "kubectl" : ciKubectl.toString();
    Proc p = exec(env, kubectl, "openshell", "attach", "box", "pypi-mirror");
    assertThat(p.err()).isEmpty();
    assertThat(p.exitCode()).isZero();
    assertThat(p.out()).isEqualTo("✓ Attached provider pypi-mirror to sandbox box\n");
  }

  @Test
  void aSuccessfulCommandLeavesAClassArchiveThatTheNextRunUsesWithTheSameOutput() throws Exception {
    Path cache = tmp.resolve("cache");
    Map<String, String> env = launcherEnv(cache);
    fx.sandbox("cds-box");

    Proc first = exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(archives(cache)).hasSize(1);
    Path archive = archives(cache).get(0);
    long written = Files.getLastModifiedTime(archive).toMillis();

    Proc second = exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box");
    assertThat(second).isEqualTo(first);
    assertThat(archives(cache)).containsExactly(archive);
    assertThat(Files.getLastModifiedTime(archive).toMillis()).isEqualTo(written);
  }

  @Test
  void eachCommandFamilyKeepsItsOwnArchiveAndReusesIt() throws Exception {
    Path cache = tmp.resolve("cache");
    Map<String, String> env = launcherEnv(cache);
    fx.sandbox("cds-box");
    fx.provider("pypi-mirror", "pypi");

    Proc read = exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box");
    assertThat(read.exitCode()).as(read.err()).isZero();
    Proc attach = exec(env, "bash", LAUNCHER.toString(), "attach", "cds-box", "pypi-mirror");
    assertThat(attach.exitCode()).as(attach.err()).isZero();
    List<Path> both = archives(cache);
    assertThat(both)
        .extracting(p -> p.getFileName().toString())
        .satisfiesExactlyInAnyOrder(
            n -> assertThat(n).endsWith("-edit.jsa"),
            n -> assertThat(n).endsWith("-providers.jsa"));

    Proc detach = exec(env, "bash", LAUNCHER.toString(), "detach", "cds-box", "pypi-mirror");
    assertThat(detach.exitCode()).as(detach.err()).isZero();
    assertThat(exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box")).isEqualTo(read);
    assertThat(archives(cache)).isEqualTo(both);
  }

  @Test
  void onJava21AndLaterThePluginStopsItsHttpClientBeforeItExits() throws Exception {
    Optional<Path> java = newestJava(21);
    assumeTrue(java.isPresent(), "no JDK 21+ installed");
    Map<String, String> env = launcherEnv(tmp.resolve("cache"));
    env.put("OPENSHELL_PLUGIN_JAVA", java.get().toString());
    env.put("OPENSHELL_PLUGIN_TRACE", "1");
    fx.sandbox("trace-box");
    Proc p = exec(env, "bash", LAUNCHER.toString(), "providers", "trace-box");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.err())
        .containsPattern("kubectl-openshell trace: \\d+\\.\\d{3}s main\n")
        .contains(" command done, exit code 0\n")
        .endsWith(" HTTP clients stopped: 1\n");
  }

  /** A JDK home's java of at least {@code feature}, from the JDKs the launcher would search. */
  private static Optional<Path> newestJava(int feature) throws IOException {
    for (String root : List.of("/usr/lib/jvm", "/opt/java")) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (var homes = Files.list(dir)) {
        for (Path home : homes.sorted().toList()) {
          Path release = home.resolve("release");
          Path bin = home.resolve("bin/java");
          if (Files.isRegularFile(release) && Files.isExecutable(bin)) {
            String text = Files.readString(release, StandardCharsets.UTF_8);
            java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(text);
            if (m.find() && Integer.parseInt(m.group(1)) >= feature) {
              return Optional.of(bin);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void theShadedJarRegistersOnlyCoreKindsWithFabric8() throws Exception {
    List<String> kinds;
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
      java.util.jar.JarEntry entry =
          jar.getJarEntry("META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource");
      try (InputStream in = jar.getInputStream(entry)) {
        kinds =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
      }
    }
    assertThat(kinds)
        .contains(
            "io.fabric8.kubernetes.api.model.Status",
            "io.fabric8.kubernetes.api.model.ConfigMap",
            "io.fabric8.kubernetes.api.model.Secret")
        .allSatisfy(
            k -> assertThat(k).matches("io\\.fabric8\\.kubernetes\\.api\\.model\\.[A-Z]\\w*"));
  }

  @Test
  void anUnreadableClassArchiveOnlyCostsSpeed() throws Exception {
    Path cache = tmp.resolve("cache");
    Map<String, String> env = launcherEnv(cache);
    fx.sandbox("cds-box");
    Proc first = exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box");
    assertThat(first.exitCode()).as(first.err()).isZero();

    Files.writeString(archives(cache).get(0), "not a class-data archive");
    assertThat(exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box")).isEqualTo(first);
  }

  @Test
  void aFailedCommandAndAHelpRunWriteNoArchive() throws Exception {
    Path cache = tmp.resolve("cache");
    Map<String, String> env = launcherEnv(cache);
    assertThat(exec(env, "bash", LAUNCHER.toString(), "--help").exitCode()).isZero();
    assertThat(exec(env, "bash", LAUNCHER.toString(), "providers", "no-such-box").exitCode())
        .isEqualTo(1);
    assertThat(archives(cache)).isEmpty();
  }

  @Test
  void theArchiveCanBeSwitchedOff() throws Exception {
    Map<String, String> env = launcherEnv(tmp.resolve("cache"));
    env.put("OPENSHELL_PLUGIN_CACHE_DIR", "off");
    fx.sandbox("cds-box");
    Proc p = exec(env, "bash", LAUNCHER.toString(), "providers", "cds-box");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.err()).isEmpty();
    assertThat(tmp.resolve("cache")).doesNotExist();
  }

  private Map<String, String> launcherEnv(Path cache) {
    Path kubeconfig = server.writeKubeconfig(tmp.resolve("config"));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("OPENSHELL_PLUGIN_CACHE_DIR", cache.toString());
    return env;
  }

  private static List<Path> archives(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (var files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  @Test
  void theKrewPackageCarriesTheArchiveChecksumInItsManifest() throws Exception {
    assumeTrue(onPath("tar") && onPath("sha256sum") && onPath("unzip"), "packaging tools missing");
    Proc p = exec(Map.of(), "bash", MODULE.resolve("krew/package.sh").toString());
    assertThat(p.exitCode()).as(p.err()).isZero();
    Path archive = MODULE.resolve("target/krew/kubectl-openshell.tar.gz");
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
    String manifest = Files.readString(MODULE.resolve("target/krew/openshell.yaml"));
    assertThat(manifest).contains("sha256: " + sha).doesNotContain("${");
    Proc list = exec(Map.of(), "tar", "tzf", archive.toString());
    assertThat(List.of(list.out().split("\n")))
        .containsExactly("kubectl-openshell", "kubectl-openshell.jar", "LICENSE");
  }

  static boolean onPath(String tool) throws IOException {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
