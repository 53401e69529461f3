package io.openshell.plugin;

import static io.openshell.plugin.Fixtures.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --wait}: the plugin blocks until the operator reports the new generation delivered. */
class WaitIT extends ClusterIT {

  @BeforeEach
  void sandboxAndProvider() {
    fx.provider("pypi-mirror", "pypi");
  }

  /** Plays the operator: once the sandbox reaches generation 2, writes this status for it. */
  private CompletableFuture<Void> operatorReports(
      String sandbox, List<Map<String, Object>> conditions) {
    return CompletableFuture.runAsync(
        () -> {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (System.nanoTime() < deadline) {
            GenericKubernetesResource sb = fx.getSandbox(sandbox);
            if (sb.getMetadata().getGeneration() >= 2) {
              Map<String, Object> status = new LinkedHashMap<>();
              status.put("observedGeneration", sb.getMetadata().getGeneration());
              status.put("conditions", conditions);
              fx.sandboxStatus(sandbox, status);
              return;
            }
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        });
  }

  @Test
  void attachWithWaitReturnsOnceTheNewGenerationIsComposed() throws Exception {
    fx.sandbox("box");
    CompletableFuture<Void> operator =
        operatorReports(
            "box", List.of(condition("PolicyComposed", "True", "Composed", "composed")));
    Cli.Run r = cli.run("attach", "box", "pypi-mirror", "--wait=30s");
    operator.get(30, TimeUnit.SECONDS);
    assertThat(r.exitCode()).isZero();
    assertThat(r.err())
        .contains("Waiting for sandbox box generation 2: ")
        .endsWith("✓ Sandbox box PolicyComposed at generation 2\n");
  }

  @Test
  void aSandboxWithAPodIsWaitedForUntilThePolicyIsApplied() throws Exception {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("policy", Map.of("version", 1));
    spec.put("providers", List.of());
    spec.put(
        "podTemplate",
        Map.of("spec", Map.of("containers", List.of(Map.of("name", "agent", "image", "x")))));
    fx.create(
        GenericKinds.SANDBOX,
        Fixtures.NS,
        Fixtures.resource("Sandbox", "podbox", Fixtures.NS, spec));
    CompletableFuture<Void> operator =
        operatorReports(
            "podbox",
            List.of(
                condition("PolicyComposed", "True", "Composed", "composed"),
                condition("PolicyApplied", "True", "Applied", "applied")));
    Cli.Run r = cli.run("attach", "podbox", "pypi-mirror", "--wait");
    operator.get(30, TimeUnit.SECONDS);
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).endsWith("✓ Sandbox podbox PolicyApplied at generation 2\n");
  }

  @Test
  void waitFailsWithTheReasonWhenThePolicyIsNotComposed() throws Exception {
    fx.sandbox("box");
    CompletableFuture<Void> operator =
        operatorReports(
            "box",
            List.of(
                condition(
                    "PolicyComposed",
                    "False",
                    "AmbiguousEndpoints",
                    "network endpoint ambiguity validation failed:\nnetwork policies ...")));
    Cli.Run r = cli.run("attach", "box", "pypi-mirror", "--wait=30s");
    operator.get(30, TimeUnit.SECONDS);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("Sandbox box policy was not composed (AmbiguousEndpoints)\n")
        .endsWith("network endpoint ambiguity validation failed:\nnetwork policies ...\n");
  }

  @Test
  void waitTimesOutWithExitOneWhenTheOperatorDoesNotCatchUp() {
    fx.sandbox("box");
    Cli.Run r = cli.run("attach", "box", "pypi-mirror", "--wait=1s");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("✓ Attached provider pypi-mirror to sandbox box\n");
    assertThat(r.err())
        .contains("Timed out waiting for sandbox box\n")
        .contains("waiting for PolicyComposed=True at generation 2");
  }
}
