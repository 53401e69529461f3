package io.openshell.plugin.settings;

import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsSpec;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.GroupCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.input.FileOption;
import io.openshell.plugin.input.PolicyFiles;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.Violations;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code settings global-policy set|delete}: the policy that replaces every sandbox's policy. */
@Command(
    name = "global-policy",
    description = "Set or delete the global policy (it replaces every sandbox's policy).")
public final class GlobalPolicyCommand extends GroupCommand {

  /** {@code settings global-policy set -f FILE}. */
  @Command(
      name = "set",
      description = {
        "Set the global policy from an OpenShell policy file or an OpenShellSettings manifest.",
        "Example: kubectl openshell settings global-policy set -f global.yaml"
      })
  public static final class Set extends BaseCommand {
    @Mixin FileOption file;

    @Override
    protected void run() {
      String what = "Failed to set the global policy.";
      SandboxPolicy policy = PolicyFiles.read(file.file(), what);
      List<Violation> refused = PolicyEngine.checkGlobalPolicy(policy);
      if (!refused.isEmpty()) {
        throw new Refused(what, Violations.ofPolicyCheck(refused));
      }
      Cluster cluster = new Cluster(session().client());
      new SettingsStore(cluster)
          .update(what, spec -> spec.setGlobalPolicy(Convert.policySpec(policy)), (a, b) -> {});
      out().println("✓ Global policy set");
    }
  }

  /** {@code settings global-policy delete}. */
  @Command(
      name = "delete",
      description = {
        "Delete the global policy; refused while a sandbox would get an invalid effective policy.",
        "Example: kubectl openshell settings global-policy delete"
      })
  public static final class Delete extends BaseCommand {
    @Override
    protected void run() {
      String what = "Failed to delete the global policy.";
      Cluster cluster = new Cluster(session().client());
      if (cluster
          .settings()
          .map(OpenShellSettings::getSpec)
          .map(OpenShellSettingsSpec::getGlobalPolicy)
          .isEmpty()) {
        out().println("No global policy is set.");
        return;
      }
      new SettingsStore(cluster)
          .update(
              what,
              spec -> spec.setGlobalPolicy(null),
              new ActivationGuard(cluster, session().clock(), what));
      out().println("✓ Global policy deleted");
    }
  }
}
