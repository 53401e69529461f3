package io.openshell.plugin.policy;

import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxSpec;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.input.FileOption;
import io.openshell.plugin.input.PolicyFiles;
import io.openshell.plugin.input.SandboxArgument;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.plugin.resolve.Violations;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code policy set SANDBOX -f FILE}: replaces {@code spec.policy} after OpenShell's UpdateConfig
 * checks, as a compare-and-set on the read {@code metadata.resourceVersion}.
 */
@Command(
    name = "set",
    description = {
      "Replace a sandbox's base policy from an OpenShell policy file (snake_case) or a Sandbox"
          + " manifest.",
      "Example: kubectl openshell policy get my-sandbox --base > p.yaml; kubectl openshell policy"
          + " set my-sandbox -f p.yaml"
    })
public final class PolicySetCommand extends BaseCommand {
  @Mixin SandboxArgument sandboxArgument;

  @Mixin FileOption file;

  @Override
  protected void run() {
    String sandbox = sandboxArgument.name();
    String what = "Failed to set the policy of sandbox " + sandbox + ".";
    SandboxPolicy policy = PolicyFiles.read(file.file(), what);
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    Cluster.Written<Sandbox> written =
        cluster.compareAndSet(
            Sandbox.class,
            ns,
            sandbox,
            sb -> {
              if (sb == null) {
                throw new Refused(what, "sandbox not found");
              }
              // fresh lookups per round: a retry after a conflict must see the new state
              ClusterLookups lookups = new ClusterLookups(cluster, session().clock());
              List<Violation> refused =
                  PolicyEngine.checkUserPolicy(policy, lookups.currentSettings());
              if (!refused.isEmpty()) {
                throw new Refused(what, Violations.ofPolicyCheck(refused));
              }
              if (sb.getSpec() == null) {
                sb.setSpec(new SandboxSpec());
              }
              sb.getSpec().setPolicy(Convert.policySpec(policy));
              if (ClusterLookups.compose(lookups.resolve(sb))
                  instanceof CompositionResult.Rejected r) {
                throw new Refused(what, Violations.messages(r.violations()));
              }
              return sb;
            },
            () ->
                new Refused(
                    "Failed to set policy: sandbox was modified by another operation.",
                    "Please retry the command."));
    out()
        .println(
            "✓ Policy of sandbox "
                + sandbox
                + " updated (generation "
                + written.object().getMetadata().getGeneration()
                + ")");
  }
}
