package io.openshell.plugin.settings;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.plugin.output.OutputFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code settings get}: the gateway-global settings and whether every sandbox has caught up. */
@Command(
    name = "get",
    description = {
      "Show OpenShellSettings/cluster (defaults when it does not exist).",
      "Example: kubectl openshell settings get"
    })
public final class SettingsGetCommand extends BaseCommand {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), yaml or json (the resource).")
  OutputFormat output = OutputFormat.TABLE;

  @Override
  protected void run() {
    OutputFormat.require(spec, output, OutputFormat.TABLE, OutputFormat.YAML, OutputFormat.JSON);
    Optional<GenericKubernetesResource> s = new Cluster(session().client()).settings();
    if (output != OutputFormat.TABLE) {
      OutputFormat.print(out(), output, s.orElseGet(SettingsGetCommand::defaults));
      return;
    }
    boolean v2 = s.map(r -> Fields.bool(r, "spec", "providersV2Enabled")).orElse(false);
    int globalRules =
        s.flatMap(r -> Fields.map(r, "spec", "globalPolicy", "networkPolicies"))
            .map(m -> m.size())
            .orElse(0);
    boolean global = s.flatMap(r -> Fields.get(r, "spec", "globalPolicy")).isPresent();
    out().println("providers-v2-enabled: " + v2);
    out()
        .println(
            "global-policy: " + (global ? "set (" + globalRules + " network policies)" : "none"));
    if (s.isEmpty()) {
      out().println("(OpenShellSettings/cluster does not exist: defaults apply)");
      return;
    }
    GenericKubernetesResource r = s.get();
    out().println("generation: " + r.getMetadata().getGeneration());
    out()
        .println(
            "applied: "
                + Fields.condition(r, "Applied")
                    .map(c -> String.valueOf(c.get("status")))
                    .orElse("Unknown")
                + " (sandboxes: "
                + Fields.number(r, "status", "sandboxes")
                + ", pending: "
                + Fields.number(r, "status", "pendingSandboxes")
                + ")");
  }

  private static GenericKubernetesResource defaults() {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(io.openshell.plugin.kube.Kinds.API_VERSION);
    r.setKind("OpenShellSettings");
    r.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(io.openshell.plugin.kube.Kinds.SETTINGS_NAME)
            .build());
    r.setAdditionalProperty("spec", java.util.Map.of("providersV2Enabled", false));
    return r;
  }
}
