package io.openshell.plugin.settings;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsSpec;
import io.openshell.crds.v1alpha1.OpenShellSettingsStatus;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.output.OutputFormat;
import io.openshell.plugin.output.OutputOption;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code settings get}: the gateway-global settings and whether every sandbox has caught up. */
@Command(
    name = "get",
    description = {
      "Show OpenShellSettings/cluster (defaults when it does not exist); -o table (default), yaml"
          + " or json (the resource).",
      "Example: kubectl openshell settings get"
    })
public final class SettingsGetCommand extends BaseCommand {
  @Mixin OutputOption outputOption;

  @Override
  protected void run() {
    OutputFormat output =
        outputOption.format(
            OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.YAML, OutputFormat.JSON);
    Optional<OpenShellSettings> s = new Cluster(session().client()).settings();
    if (output != OutputFormat.TABLE) {
      OutputFormat.print(out(), output, s.orElseGet(SettingsGetCommand::defaults));
      return;
    }
    Optional<OpenShellSettingsSpec> spec = s.map(OpenShellSettings::getSpec);
    boolean v2 = spec.map(x -> Boolean.TRUE.equals(x.getProvidersV2Enabled())).orElse(false);
    var global = spec.map(OpenShellSettingsSpec::getGlobalPolicy);
    int globalRules = global.map(g -> g.getNetworkPolicies()).map(m -> m.size()).orElse(0);
    out().println("providers-v2-enabled: " + v2);
    out()
        .println(
            "global-policy: "
                + (global.isPresent() ? "set (" + globalRules + " network policies)" : "none"));
    if (s.isEmpty()) {
      out().println("(OpenShellSettings/cluster does not exist: defaults apply)");
      return;
    }
    OpenShellSettings r = s.get();
    OpenShellSettingsStatus status =
        r.getStatus() == null ? new OpenShellSettingsStatus() : r.getStatus();
    out().println("generation: " + r.getMetadata().getGeneration());
    out()
        .println(
            "applied: "
                + status.condition("Applied").map(c -> c.getStatus()).orElse("Unknown")
                + " (sandboxes: "
                + Objects.requireNonNullElse(status.getSandboxes(), 0)
                + ", pending: "
                + Objects.requireNonNullElse(status.getPendingSandboxes(), 0)
                + ")");
  }

  private static OpenShellSettings defaults() {
    OpenShellSettings r = new OpenShellSettings();
    r.setMetadata(new ObjectMetaBuilder().withName(Kinds.SETTINGS_NAME).build());
    r.setSpec(new OpenShellSettingsSpec());
    r.getSpec().setProvidersV2Enabled(false);
    return r;
  }
}
