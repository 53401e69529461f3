package io.openshell.plugin.sandbox;

import io.openshell.crds.resolve.ProviderRecords;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.v1alpha1.AttachedProviderStatus;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.SandboxArgument;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.output.Table;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.model.ProviderRecord;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code providers SANDBOX}: the attached providers, as OpenShell's {@code sandbox provider list}.
 */
@Command(
    name = "providers",
    description = {
      "List the providers attached to a sandbox, with the policy rule each one produced.",
      "Example: kubectl openshell providers my-sandbox"
    })
public final class ProvidersCommand extends BaseCommand {
  @Mixin SandboxArgument sandboxArgument;

  @Override
  protected void run() {
    String sandbox = sandboxArgument.name();
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    String what = "Failed to list providers of sandbox " + sandbox + ".";
    Sandbox sb =
        cluster.sandbox(ns, sandbox).orElseThrow(() -> new Refused(what, "sandbox not found"));
    Map<String, String> ruleKeys = new HashMap<>();
    if (sb.getStatus() != null && sb.getStatus().getProviders() != null) {
      for (AttachedProviderStatus p : sb.getStatus().getProviders()) {
        if (p.getName() != null) {
          ruleKeys.put(p.getName(), p.getRuleKey() == null ? "" : p.getRuleKey());
        }
      }
    }
    ClusterLookups lookups = new ClusterLookups(cluster, session().clock());
    Table table = new Table("NAME", "TYPE", "CREDENTIAL_KEYS", "CONFIG_KEYS", "RULE");
    for (String name : SandboxInputsResolver.attachedProviders(sb)) {
      Provider p =
          lookups
              .provider(ns, name)
              .orElseThrow(() -> new Refused(what, Composition.notFoundMessage(name)));
      ProviderRecord record =
          ProviderRecords.of(
                  p, ProviderRecords.secretName(p).flatMap(s -> lookups.credentialsSecret(ns, s)))
              .value();
      String rule = ruleKeys.getOrDefault(name, "");
      table.row(
          name,
          record.type(),
          Integer.toString(record.credentialKeys().size()),
          Integer.toString(record.configKeys().size()),
          rule.isEmpty() ? "-" : rule);
    }
    if (table.isEmpty()) {
      out().println("No providers attached to sandbox " + sandbox + ".");
    } else {
      table.print(out());
    }
  }
}
