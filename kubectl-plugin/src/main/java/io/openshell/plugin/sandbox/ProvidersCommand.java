package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.plugin.output.Table;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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
  @Parameters(index = "0", paramLabel = "SANDBOX", description = "Sandbox name.")
  String sandbox;

  @Override
  protected void run() {
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    GenericKubernetesResource sb =
        cluster
            .sandbox(ns, sandbox)
            .orElseThrow(
                () ->
                    new Refused(
                        "Failed to list providers of sandbox " + sandbox + ".",
                        "sandbox not found"));
    Map<String, String> ruleKeys = new HashMap<>();
    for (Object o : Fields.list(sb, "status", "providers")) {
      if (o instanceof Map<?, ?> m && m.get("name") != null) {
        Object key = m.get("ruleKey");
        ruleKeys.put(String.valueOf(m.get("name")), key == null ? "" : String.valueOf(key));
      }
    }
    Table table = new Table("NAME", "TYPE", "CREDENTIAL_KEYS", "CONFIG_KEYS", "RULE");
    for (String name : new LinkedHashSet<>(Fields.strings(sb, "spec", "providers"))) {
      GenericKubernetesResource p =
          cluster
              .provider(ns, name)
              .orElseThrow(
                  () ->
                      new Refused(
                          "Failed to list providers of sandbox " + sandbox + ".",
                          "provider '" + name + "' not found"));
      int credentialKeys = ProviderRecords.credentialKeys(cluster, ns, p).size();
      int configKeys = Fields.map(p, "spec", "config").map(Map::size).orElse(0);
      String rule = ruleKeys.getOrDefault(name, "");
      table.row(
          name,
          Fields.str(p, "spec", "type"),
          Integer.toString(credentialKeys),
          Integer.toString(configKeys),
          rule.isEmpty() ? "-" : rule);
    }
    if (table.isEmpty()) {
      out().println("No providers attached to sandbox " + sandbox + ".");
    } else {
      table.print(out());
    }
  }
}
