package io.openshell.crds.convert;

import static io.openshell.crds.convert.Values.bool;
import static io.openshell.crds.convert.Values.list;
import static io.openshell.crds.convert.Values.opt;
import static io.openshell.crds.convert.Values.optMapList;
import static io.openshell.crds.convert.Values.str;

import io.openshell.crds.v1alpha1.FilesystemPolicySpec;
import io.openshell.crds.v1alpha1.LandlockSpec;
import io.openshell.crds.v1alpha1.NetworkBinarySpec;
import io.openshell.crds.v1alpha1.NetworkEndpointSpec;
import io.openshell.crds.v1alpha1.NetworkPolicyRuleSpec;
import io.openshell.crds.v1alpha1.ProcessSpec;
import io.openshell.crds.v1alpha1.SandboxPolicySpec;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.LandlockPolicy;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProcessPolicy;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Sandbox.spec.policy} / {@code OpenShellSettings.spec.globalPolicy} ↔ policy-core's {@link
 * SandboxPolicy}. Lossless both ways for every field the CR can hold; the one exception is
 * OpenShell's deprecated {@code harness} flag on a binary, which the CR has no field for: it is
 * dropped with a warning.
 */
public final class PolicyConverter {
  private PolicyConverter() {}

  /** A CR policy as policy-core's model ({@code null} reads as an empty version-1 policy). */
  public static Conversion<SandboxPolicy> toModel(SandboxPolicySpec spec) {
    List<Violation> out = new ArrayList<>();
    if (spec == null) {
      return new Conversion<>(SandboxPolicy.ofNetwork(Map.of()), out);
    }
    Map<String, NetworkPolicyRule> rules = new LinkedHashMap<>();
    if (spec.getNetworkPolicies() != null) {
      spec.getNetworkPolicies().forEach((key, rule) -> rules.put(key, ruleToModel(key, rule, out)));
    }
    SandboxPolicy policy =
        new SandboxPolicy(
            spec.getVersion() == null ? 1 : spec.getVersion(),
            Optional.ofNullable(spec.getFilesystemPolicy())
                .map(
                    f ->
                        new FilesystemPolicy(
                            bool(f.getIncludeWorkdir()),
                            list(f.getReadOnly()),
                            list(f.getReadWrite()))),
            Optional.ofNullable(spec.getLandlock())
                .map(l -> new LandlockPolicy(str(l.getCompatibility()))),
            Optional.ofNullable(spec.getProcess())
                .map(p -> new ProcessPolicy(str(p.getRunAsUser()), str(p.getRunAsGroup()))),
            rules);
    return new Conversion<>(policy, out);
  }

  /** A policy-core policy as the CR type; a binary's {@code harness} flag is dropped (warning). */
  public static Conversion<SandboxPolicySpec> toSpec(SandboxPolicy policy) {
    List<Violation> out = new ArrayList<>();
    SandboxPolicySpec s = new SandboxPolicySpec();
    s.setVersion(policy.version());
    policy
        .filesystem()
        .ifPresent(
            f -> {
              FilesystemPolicySpec fs = new FilesystemPolicySpec();
              fs.setIncludeWorkdir(opt(f.includeWorkdir()));
              fs.setReadOnly(opt(f.readOnly()));
              fs.setReadWrite(opt(f.readWrite()));
              s.setFilesystemPolicy(fs);
            });
    policy
        .landlock()
        .ifPresent(
            l -> {
              LandlockSpec ls = new LandlockSpec();
              ls.setCompatibility(opt(l.compatibility()));
              s.setLandlock(ls);
            });
    policy
        .process()
        .ifPresent(
            p -> {
              ProcessSpec ps = new ProcessSpec();
              ps.setRunAsUser(opt(p.runAsUser()));
              ps.setRunAsGroup(opt(p.runAsGroup()));
              s.setProcess(ps);
            });
    if (!policy.networkPolicies().isEmpty()) {
      Map<String, NetworkPolicyRuleSpec> rules = new LinkedHashMap<>();
      policy.networkPolicies().forEach((key, rule) -> rules.put(key, ruleToSpec(key, rule, out)));
      s.setNetworkPolicies(rules);
    }
    return new Conversion<>(s, out);
  }

  private static NetworkPolicyRule ruleToModel(
      String key, NetworkPolicyRuleSpec rule, List<Violation> out) {
    String field = "network_policies." + key;
    List<NetworkEndpoint> endpoints = new ArrayList<>();
    List<NetworkEndpointSpec> specs = list(rule.getEndpoints());
    for (int i = 0; i < specs.size(); i++) {
      endpoints.add(
          EndpointConverter.toModel(
              specs.get(i), ViolationCode.INVALID_POLICY, field + ".endpoints[" + i + "]", out));
    }
    List<NetworkBinary> binaries = new ArrayList<>();
    list(rule.getBinaries()).forEach(b -> binaries.add(NetworkBinary.of(str(b.getPath()))));
    return new NetworkPolicyRule(str(rule.getName()), endpoints, binaries);
  }

  private static NetworkPolicyRuleSpec ruleToSpec(
      String key, NetworkPolicyRule rule, List<Violation> out) {
    NetworkPolicyRuleSpec s = new NetworkPolicyRuleSpec();
    s.setName(opt(rule.name()));
    s.setEndpoints(optMapList(rule.endpoints(), EndpointConverter::toSpec));
    List<NetworkBinarySpec> binaries = new ArrayList<>();
    for (int i = 0; i < rule.binaries().size(); i++) {
      NetworkBinary b = rule.binaries().get(i);
      if (b.harness()) {
        out.add(
            harnessDropped(
                ViolationCode.INVALID_POLICY,
                "network_policies." + key + ".binaries[" + i + "]",
                b));
      }
      binaries.add(new NetworkBinarySpec(b.path()));
    }
    s.setBinaries(binaries.isEmpty() ? null : binaries);
    return s;
  }

  static Violation harnessDropped(ViolationCode code, String field, NetworkBinary b) {
    return Violation.warning(
        code,
        field + ".harness",
        "binary '" + b.path() + "': the deprecated harness flag has no effect and was dropped");
  }
}
