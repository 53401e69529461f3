package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.TIMEOUT;
import static org.awaitility.Awaitility.await;

import io.openshell.crds.v1alpha1.Provider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider deleted while attached is held by its in-use finalizer and released by the detach
 * event itself, not by the periodic re-check (set to 10 minutes here, so a release through it would
 * time this test out). The figure (detach → provider gone) is printed, not asserted; see
 * docs/benchmarks.md.
 */
class DetachReleaseIT {
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start(Map.of("OPENSHELL_IN_USE_RECHECK_SECONDS", "600"));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void aDetachReleasesTheDeletedProviderWithoutWaitingForTheRecheck() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("gh", "github", "creds"));
    h.apply(ns, Fixtures.sandbox("box", "gh"));
    await()
        .atMost(TIMEOUT)
        .until(
            () -> h.provider(ns, "gh"),
            p -> p.getStatus() != null && p.getStatus().getAttachedTo().contains("box"));

    h.client.resources(Provider.class).inNamespace(ns).withName("gh").delete();
    await()
        .atMost(TIMEOUT)
        .until(
            () -> h.provider(ns, "gh"),
            p -> p != null && p.getMetadata().getDeletionTimestamp() != null);

    long detached = System.nanoTime();
    h.setProviders(ns, "box");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> h.provider(ns, "gh") == null);
    System.out.printf(
        "detach -> provider gone: %d ms%n", (System.nanoTime() - detached) / 1_000_000);
  }
}
