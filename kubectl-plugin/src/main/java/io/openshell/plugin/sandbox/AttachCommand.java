package io.openshell.plugin.sandbox;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.kube.Cluster;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code attach SANDBOX PROVIDER}: adds a provider to {@code spec.providers}. */
@Command(
    name = "attach",
    description = {
      "Attach a provider to a sandbox (appends it to spec.providers).",
      "Example: kubectl openshell attach my-sandbox work-github --wait"
    })
public final class AttachCommand extends BaseCommand {
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
        new ProviderAttachment(cluster, Checks.attach(cluster, session().clock()))
            .attach(ns, sandbox, provider);
    out()
        .println(
            r.changed()
                ? "✓ Attached provider " + provider + " to sandbox " + sandbox
                : "Provider " + provider + " is already attached to sandbox " + sandbox + ".");
    out().flush();
    if (waitOption.timeout().isPresent()) {
      new SandboxWaiter(cluster, session().clock(), Duration.ofMillis(250), err())
          .await(ns, sandbox, r.generation(), waitOption.timeout().get());
    }
  }
}
