package io.openshell.plugin.sandbox;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.input.SandboxArgument;
import io.openshell.plugin.kube.Cluster;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code attach|detach SANDBOX PROVIDER}: one command over {@link ProviderEdit}; the two subclasses
 * only name it.
 */
public abstract class ProviderEditCommand extends BaseCommand {
  @Mixin SandboxArgument sandboxArgument;

  @Parameters(
      index = "1",
      paramLabel = "PROVIDER",
      converter = Names.Provider.class,
      description = "Provider name (same namespace).")
  String provider;

  @Mixin WaitOption waitOption;

  private final ProviderEdit edit;

  ProviderEditCommand(ProviderEdit edit) {
    this.edit = edit;
  }

  @Override
  protected void run() throws InterruptedException {
    String sandbox = sandboxArgument.name();
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    ProviderAttachment.Result r =
        new ProviderAttachment(cluster, new Checks(cluster, session().clock()))
            .apply(edit, ns, sandbox, provider);
    out().println(edit.result(r.changed(), provider, sandbox));
    out().flush();
    if (waitOption.timeout().isPresent()) {
      new SandboxWaiter(cluster, session().clock(), Duration.ofMillis(250), err())
          .await(ns, sandbox, r.generation(), waitOption.timeout().get());
    }
  }

  /** {@code attach SANDBOX PROVIDER}. */
  @Command(
      name = "attach",
      description = {
        "Attach a provider to a sandbox (appends it to spec.providers).",
        "Example: kubectl openshell attach my-sandbox work-github --wait"
      })
  public static final class Attach extends ProviderEditCommand {
    public Attach() {
      super(ProviderEdit.ATTACH);
    }
  }

  /** {@code detach SANDBOX PROVIDER}. */
  @Command(
      name = "detach",
      description = {
        "Detach a provider from a sandbox (removes it from spec.providers).",
        "Example: kubectl openshell detach my-sandbox work-github --wait"
      })
  public static final class Detach extends ProviderEditCommand {
    public Detach() {
      super(ProviderEdit.DETACH);
    }
  }
}
