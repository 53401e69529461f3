package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.devapi.DevApiServer;
import io.openshell.plugin.kube.ClosingJdkHttpClientFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** kubectl's connection flags, through the same client factory the shipped binary uses. */
class KubeconfigIT extends ClusterIT {
  @TempDir Path tmp;

  private Cli.Run runWithKubeconfig(String... args) {
    CommandLine cl =
        KubectlOpenShell.commandLine(
            o -> Session.fromKubeconfig(o, new ClosingJdkHttpClientFactory()),
            true,
            Clock.systemUTC());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Cli.Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void kubeconfigAndContextFlagsSelectTheClusterAndItsDefaultNamespace() {
    Path kubeconfig = server.writeKubeconfig(tmp.resolve("config"));
    fx.sandbox("box");
    fx.provider("pypi-mirror", "pypi");
    Cli.Run r =
        runWithKubeconfig(
            "--kubeconfig",
            kubeconfig.toString(),
            "--context",
            DevApiServer.KUBECONFIG_NAME,
            "attach",
            "box",
            "pypi-mirror");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("✓ Attached provider pypi-mirror to sandbox box\n");
  }

  @Test
  void anUnreachableClusterIsAFailureNotAHang() throws Exception {
    Path kubeconfig =
        java.nio.file.Files.writeString(
            tmp.resolve("unreachable"),
            String.join(
                "\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]",
                "users: [{name: u, user: {}}]",
                "contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]",
                "current-context: x",
                ""));
    Cli.Run r = runWithKubeconfig("--kubeconfig", kubeconfig.toString(), "status");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: connection refused to http://127.0.0.1:1")
        .doesNotContain("An error has occurred")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnreadableKubeconfigNamesTheFile() throws Exception {
    Path garbage =
        java.nio.file.Files.write(tmp.resolve("garbage"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    Cli.Run r = runWithKubeconfig("--kubeconfig", garbage.toString(), "status");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: cannot read kubeconfig " + garbage + "\n")
        .doesNotContain("org.snakeyaml")
        .doesNotContain("java.nio");
  }

  @Test
  void anUnknownContextFails() {
    Path kubeconfig = server.writeKubeconfig(tmp.resolve("config"));
    Cli.Run r =
        runWithKubeconfig("--kubeconfig", kubeconfig.toString(), "--context", "nope", "status");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: context \"nope\" does not exist\n");
  }
}
