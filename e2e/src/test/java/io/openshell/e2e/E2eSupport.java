package io.openshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.testsupport.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Shared steps of the end-to-end scenarios. */
final class E2eSupport {
  private E2eSupport() {}

  static ConditionFactory eventually(String what) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions();
  }

  /** Creates a namespace with kubectl apply (the dev API server cannot take `create namespace`). */
  static void namespace(E2eCluster cluster, String name) {
    CommandResult r =
        cluster.kubectl(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n",
            "apply",
            "--validate=false",
            "-f",
            "-");
    assertThat(r.ok()).as(r.toString()).isTrue();
  }

  static CommandResult apply(E2eCluster cluster, String namespace, String yaml) {
    return cluster.kubectl(yaml, "apply", "--validate=false", "-n", namespace, "-f", "-");
  }

  static void applyOk(E2eCluster cluster, String namespace, String yaml) {
    CommandResult r = apply(cluster, namespace, yaml);
    assertThat(r.ok()).as(r + cluster.logs()).isTrue();
  }

  static void applyExamples(E2eCluster cluster, String namespace) {
    CommandResult r =
        cluster.kubectl(
            null, "apply", "--validate=false", "-n", namespace, "-f", Repo.examples().toString());
    assertThat(r.ok()).as(r.toString()).isTrue();
  }

  /** A sandbox with the GitHub example's base rule (pip), a pod, and the given providers. */
  static String sandbox(String name, String... providers) {
    return Manifests.sandboxBuilder(name)
        .binaries("/sandbox/.venv/bin/pip")
        .podTemplate("registry.example.com/agent:1")
        .providers(providers)
        .yaml();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String awaitFile(Path file, String what, Callable<Boolean> condition) {
    eventually(what).until(() -> Files.exists(file) && condition.call());
    return read(file);
  }
}
