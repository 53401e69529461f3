package io.openshell.plugin.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.resolve.Convert;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.ProviderRuleNames;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import io.openshell.policy.validate.PolicyValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code policy set SANDBOX -f FILE}: replaces {@code spec.policy} after OpenShell's UpdateConfig
 * checks, as a compare-and-set on the read {@code metadata.resourceVersion}.
 */
@Command(
    name = "set",
    description = {
      "Replace a sandbox's base policy from an OpenShell policy file or a Sandbox manifest.",
      "Example: kubectl openshell policy get my-sandbox --base > p.yaml; kubectl openshell policy"
          + " set my-sandbox -f p.yaml"
    })
public final class PolicySetCommand extends BaseCommand {
  static final int MAX_ATTEMPTS = 10;
  static final String GLOBAL_ACTIVE =
      "policy is managed globally; delete global policy before sandbox policy update";

  @Parameters(index = "0", paramLabel = "SANDBOX", description = "Sandbox name.")
  String sandbox;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      required = true,
      description = "OpenShell policy.yaml (snake_case) or a Sandbox manifest.")
  Path file;

  @Override
  protected void run() {
    String what = "Failed to set the policy of sandbox " + sandbox + ".";
    SandboxPolicy policy = PolicyFiles.read(file, what);
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
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      GenericKubernetesResource sb =
          cluster.sandbox(ns, sandbox).orElseThrow(() -> new Refused(what, "sandbox not found"));
      Resolver resolver = new Resolver(cluster, session().clock());
      Settings settings = resolver.settings();
      if (settings.globalPolicy().isPresent()) {
        throw new Refused(what, GLOBAL_ACTIVE);
      }
      CompositionResult result =
          PolicyEngine.compose(
              resolver.inputs(
                  sb, Fields.strings(sb, "spec", "providers"), settings, Optional.of(policy)));
      if (result instanceof CompositionResult.Rejected r) {
        throw new Refused(what, messages(r.violations()));
      }
      GenericKubernetesResource next = Serialization.clone(sb);
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> specMap =
          (java.util.Map<String, Object>) next.getAdditionalProperties().get("spec");
      specMap.put("policy", Convert.policySpec(policy));
      try {
        GenericKubernetesResource written = cluster.update(Kinds.SANDBOX, ns, next);
        out()
            .println(
                "✓ Policy of sandbox "
                    + sandbox
                    + " updated (generation "
                    + written.getMetadata().getGeneration()
                    + ")");
        return;
      } catch (KubernetesClientException e) {
        if (!Cluster.isConflict(e)) {
          throw e;
        }
      }
    }
    throw new Refused(
        "Failed to set policy: sandbox was modified by another operation.",
        "Please retry the command.");
  }

  static String messages(List<Violation> vs) {
    return vs.stream()
        .filter(Violation::isError)
        .map(Violation::message)
        .collect(Collectors.joining("\n"));
  }
}
