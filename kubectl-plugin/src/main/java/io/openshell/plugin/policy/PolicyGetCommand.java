package io.openshell.plugin.policy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.EffectivePolicyStatus;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.SandboxArgument;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.output.OutputFormat;
import io.openshell.plugin.output.OutputOption;
import io.openshell.policy.compose.ProviderRuleNames;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.SandboxPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code policy get SANDBOX}: the delivered policy's metadata; {@code --full} adds the effective
 * policy (the operator's ConfigMap, byte for byte), {@code --base} the effective policy without
 * {@code _provider_*} rules (round-trippable into {@code policy set}).
 */
@Command(
    name = "get",
    description = {
      "Show a sandbox's policy: metadata, the effective policy (--full) or the base policy (--base).",
      "Example: kubectl openshell policy get my-sandbox --full"
    })
public final class PolicyGetCommand extends BaseCommand {
  @Mixin SandboxArgument sandboxArgument;

  @ArgGroup(exclusive = true)
  View view = new View();

  /** {@code --full | --base}. */
  static final class View {
    @Option(names = "--full", description = "Also print the effective policy.")
    boolean full;

    @Option(names = "--base", description = "Print the effective policy without provider rules.")
    boolean base;
  }

  @Mixin OutputOption outputOption;

  @Override
  protected void run() {
    String sandbox = sandboxArgument.name();
    OutputFormat output =
        outputOption.format(OutputFormat.YAML, OutputFormat.YAML, OutputFormat.JSON);
    String what = "Failed to get the policy of sandbox " + sandbox + ".";
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    Sandbox sb =
        cluster.sandbox(ns, sandbox).orElseThrow(() -> new Refused(what, "sandbox not found"));
    String cmName = effective(sb, EffectivePolicyStatus::getConfigMapName);
    if (cmName.isEmpty()) {
      cmName = "openshell-policy-" + sandbox;
    }
    String configMap = cmName;
    ConfigMap cm =
        cluster
            .configMap(ns, cmName)
            .orElseThrow(
                () ->
                    new Refused(
                        what,
                        "the operator has not delivered a policy for this sandbox yet (ConfigMap "
                            + configMap
                            + " not found)"));
    String policyYaml = cm.getData() == null ? "" : cm.getData().getOrDefault("policy.yaml", "");
    Map<String, Object> metadata = metadata(sb, cm);
    if (!view.full && !view.base) {
      OutputFormat.print(out(), output, metadata);
      return;
    }
    SandboxPolicy effective = parse(policyYaml, what);
    if (view.base) {
      SandboxPolicy base = ProviderRuleNames.strip(effective).policy();
      if (output == OutputFormat.JSON) {
        out().println(PolicyYaml.writeJson(base));
      } else {
        out().print(PolicyYaml.write(base));
      }
      return;
    }
    if (output == OutputFormat.JSON) {
      Map<String, Object> both = new LinkedHashMap<>(metadata);
      both.put("policy", Serialization.unmarshal(PolicyYaml.writeJson(effective), Object.class));
      OutputFormat.print(out(), OutputFormat.JSON, both);
    } else {
      OutputFormat.print(out(), OutputFormat.YAML, metadata);
      out().println("---");
      out().print(policyYaml);
    }
  }

  private static SandboxPolicy parse(String yaml, String what) {
    Parsed<SandboxPolicy> parsed = PolicyYaml.read(yaml);
    if (parsed.hasErrors()) {
      throw new Refused(what, "the delivered policy.yaml does not parse: " + parsed.diagnostics());
    }
    return parsed.orElseThrow();
  }

  private static String effective(Sandbox sb, Function<EffectivePolicyStatus, String> field) {
    return Optional.ofNullable(sb.getStatus())
        .map(SandboxStatus::getEffectivePolicy)
        .map(field)
        .orElse("");
  }

  private static Map<String, Object> metadata(Sandbox sb, ConfigMap cm) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sandbox", sb.getMetadata().getNamespace() + "/" + sb.getMetadata().getName());
    m.put("configMap", cm.getMetadata().getName());
    Map<String, Object> meta = new LinkedHashMap<>();
    String json = cm.getData() == null ? null : cm.getData().get("metadata.json");
    if (json != null && !json.isBlank()) {
      meta = Serialization.unmarshal(json, LinkedHashMap.class);
    }
    m.put("hash", meta.getOrDefault("policyHash", effective(sb, EffectivePolicyStatus::getHash)));
    m.put(
        "status",
        Optional.ofNullable(sb.getStatus())
            .flatMap(st -> st.condition("PolicyComposed"))
            .map(c -> "True".equals(c.getStatus()) ? "Effective" : "Rejected: " + c.getReason())
            .orElse("Unknown"));
    m.put(
        "source",
        meta.getOrDefault("policySource", effective(sb, EffectivePolicyStatus::getSource)));
    m.put("providersV2Enabled", meta.getOrDefault("providersV2Enabled", false));
    m.put("providerEnvRevision", meta.getOrDefault("providerEnvRevision", ""));
    m.put("sandboxGeneration", meta.getOrDefault("sandboxGeneration", 0));
    m.put("settingsGeneration", meta.getOrDefault("settingsGeneration", 0));
    m.put(
        "appliedPolicyHash",
        Optional.ofNullable(sb.getStatus()).map(SandboxStatus::getAppliedPolicyHash).orElse(""));
    if (meta.get("layers") != null) {
      m.put("layers", meta.get("layers"));
    }
    return m;
  }
}
