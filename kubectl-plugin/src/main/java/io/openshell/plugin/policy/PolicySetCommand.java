package io.openshell.plugin.policy;

import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxSpec;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.FileOption;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.input.PolicyFiles;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.Convert;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.ProviderRuleNames;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import io.openshell.policy.validate.PolicyValidator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
  static final String GLOBAL_ACTIVE =
      "policy is managed globally; delete global policy before sandbox policy update";

  @Parameters(
      index = "0",
      paramLabel = "SANDBOX",
      converter = Names.Sandbox.class,
      description = "Sandbox name.")
  String sandbox;

  @Mixin FileOption file;

  @Override
  protected void run() {
    String what = "Failed to set the policy of sandbox " + sandbox + ".";
    SandboxPolicy policy = PolicyFiles.read(file.file(), what);
    List<Violation> reserved = ProviderRuleNames.reservedKeyViolations(policy);
    if (!reserved.isEmpty()) {
      throw new Refused(what, messages(reserved));
    }
    List<Violation> unsafe =
        PolicyValidator.validate(policy).stream().filter(Violation::isError).toList();
    if (!unsafe.isEmpty()) {
      throw new Refused(what, PolicyValidator.summary(unsafe));
    }
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
              // a fresh resolver per round: a retry after a conflict must see the new state
              Resolver resolver = new Resolver(cluster, session().clock());
              Settings settings = resolver.settings();
              if (settings.globalPolicy().isPresent()) {
                throw new Refused(what, GLOBAL_ACTIVE);
              }
              CompositionResult result =
                  PolicyEngine.compose(
                      resolver.inputs(
                          sb, Resolver.attachedProviders(sb), settings, Optional.of(policy)));
              if (result instanceof CompositionResult.Rejected r) {
                throw new Refused(what, messages(r.violations()));
              }
              if (sb.getSpec() == null) {
                sb.setSpec(new SandboxSpec());
              }
              sb.getSpec().setPolicy(Convert.policySpec(policy));
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

  static String messages(List<Violation> vs) {
    return vs.stream()
        .filter(Violation::isError)
        .map(Violation::message)
        .collect(Collectors.joining("\n"));
  }
}
