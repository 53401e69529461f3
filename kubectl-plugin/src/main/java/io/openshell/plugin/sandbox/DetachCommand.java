package io.openshell.plugin.sandbox;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.kube.Cluster;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code detach SANDBOX PROVIDER}: removes a provider from {@code spec.providers}. */
@Command(
    name = "detach",
    description = {
      "Detach a provider from a sandbox (removes it from spec.providers).",
      "Example: kubectl openshell detach my-sandbox work-github --wait"
    })
public final class DetachCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "SANDBOX", description = "Sandbox name.")
  String sandbox;

  @Parameters(index = "1", paramLabel = "PROVIDER", description = "Provider name (same namespace).")
  String provider;

  @Mixin WaitOption waitOption;

  @Override
  protected void run() throws InterruptedException {
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    ProviderAttachment.Result r =
        new ProviderAttachment(cluster, Checks.detach(cluster, session().clock()))
            .detach(ns, sandbox, provider);
    out()
        .println(
            r.changed()
                ? "✓ Detached provider " + provider + " from sandbox " + sandbox
                : "Provider " + provider + " was not attached to sandbox " + sandbox + ".");
    out().flush();
    if (waitOption.timeout().isPresent()) {
      new SandboxWaiter(cluster, session().clock(), Duration.ofMillis(250), err())
          .await(ns, sandbox, r.generation(), waitOption.timeout().get());
    }
  }
}
