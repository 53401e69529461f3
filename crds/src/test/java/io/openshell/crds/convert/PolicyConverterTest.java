package io.openshell.crds.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openshell.crds.v1alpha1.JsonRpcSpec;
import io.openshell.crds.v1alpha1.McpSpec;
import io.openshell.crds.v1alpha1.NetworkEndpointSpec;
import io.openshell.crds.v1alpha1.NetworkPolicyRuleSpec;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxPolicySpec;
import io.openshell.policy.Severity;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PolicyConverterTest {
  /** policy-core's test data: OpenShell policy files (snake_case) among other YAML. */
  private static final Path POLICY_FILES = Path.of("../policy-core/src/test/resources");

  @Test
  void everyOpenShellPolicyFileSurvivesModelToSpecToModel() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(POLICY_FILES)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int converted = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      if (!text.contains("version:") || text.contains("display_name:")) {
        continue; // not a policy file
      }
      var parsed = PolicyYaml.read(text);
      if (parsed.hasErrors()) {
        continue; // inputs of parse-error goldens are not policies
      }
      converted++;
      SandboxPolicy policy = parsed.orElseThrow();
      Conversion<SandboxPolicySpec> spec = PolicyConverter.toSpec(policy);
      SandboxPolicySpec stored = Yaml.throughYaml(spec.value(), SandboxPolicySpec.class);
      Conversion<SandboxPolicy> back = PolicyConverter.toModel(stored);
      assertThat(back.violations()).as(file.toString()).isEmpty();
      boolean harness = hasHarness(policy);
      assertThat(spec.violations()).as(file.toString()).hasSize(harnessCount(policy));
      assertThat(back.value())
          .as(file.toString())
          .isEqualTo(harness ? withoutHarness(policy) : policy);
    }
  }

  @Test
  void sandboxPolicyFixtureSurvivesSpecToModelToSpec() {
    Sandbox sandbox =
        Yaml.read(
            Path.of("src/test/resources/schema/sandbox/valid-with-policy-and-providers.yaml"),
            Sandbox.class);
    SandboxPolicySpec original = sandbox.getSpec().getPolicy();
    var model = PolicyConverter.toModel(original);
    assertThat(model.violations()).isEmpty();
    SandboxPolicySpec again = PolicyConverter.toSpec(model.value()).value();
    assertThat(Yaml.SERIALIZATION.convertValue(again, JsonNode.class))
        .isEqualTo(Yaml.SERIALIZATION.convertValue(original, JsonNode.class));
  }

  @Test
  void anAbsentPolicyReadsAsAnEmptyVersionOnePolicy() {
    assertThat(PolicyConverter.toModel(null).value()).isEqualTo(SandboxPolicy.ofNetwork(Map.of()));
  }

  @Test
  void anAbsentVersionReadsAsVersionOne() {
    assertThat(PolicyConverter.toModel(new SandboxPolicySpec()).value().version()).isEqualTo(1);
  }

  @Test
  void bodyLimitIsWrittenUnderMcpWhenTheEndpointHasMcpOptions() {
    NetworkEndpoint e =
        NetworkEndpoint.builder()
            .host("mcp.example.com")
            .port(443)
            .protocol("mcp")
            .jsonRpcMaxBodyBytes(4096)
            .mcp(Optional.of(new McpOptions(false, true)))
            .build();
    NetworkEndpointSpec spec = onlyEndpoint(PolicyConverter.toSpec(policyWith(e)).value());
    assertThat(spec.getJsonRpc()).isNull();
    assertThat(spec.getMcp().getMaxBodyBytes()).isEqualTo(4096);
    assertThat(spec.getMcp().getStrictToolNames()).isFalse();
    assertThat(spec.getMcp().getAllowAllKnownMcpMethods()).isTrue();
  }

  @Test
  void bodyLimitIsWrittenUnderJsonRpcWithoutMcpOptions() {
    NetworkEndpoint e =
        NetworkEndpoint.builder()
            .host("rpc.example.com")
            .port(443)
            .protocol("json-rpc")
            .jsonRpcMaxBodyBytes(2048)
            .build();
    NetworkEndpointSpec spec = onlyEndpoint(PolicyConverter.toSpec(policyWith(e)).value());
    assertThat(spec.getMcp()).isNull();
    assertThat(spec.getJsonRpc().getMaxBodyBytes()).isEqualTo(2048);
  }

  @Test
  void conflictingBodyLimitsAreAnError() {
    NetworkEndpointSpec e = new NetworkEndpointSpec();
    e.setHost("mcp.example.com");
    e.setJsonRpc(new JsonRpcSpec(1024L));
    McpSpec mcp = new McpSpec();
    mcp.setMaxBodyBytes(2048L);
    e.setMcp(mcp);
    NetworkPolicyRuleSpec rule = new NetworkPolicyRuleSpec();
    rule.setEndpoints(List.of(e));
    SandboxPolicySpec spec = new SandboxPolicySpec();
    spec.setNetworkPolicies(Map.of("mcp", rule));
    var model = PolicyConverter.toModel(spec);
    assertThat(model.hasErrors()).isTrue();
    assertThat(model.violations().get(0).field())
        .isEqualTo("network_policies.mcp.endpoints[0].json_rpc");
  }

  @Test
  void harnessOnAPolicyBinaryIsDroppedWithAWarning() {
    SandboxPolicy policy =
        SandboxPolicy.ofNetwork(
            Map.of(
                "tools",
                new NetworkPolicyRule(
                    "", List.of(), List.of(new NetworkBinary("/usr/bin/agent", true)))));
    var spec = PolicyConverter.toSpec(policy);
    assertThat(spec.value().getNetworkPolicies().get("tools").getBinaries().get(0).getPath())
        .isEqualTo("/usr/bin/agent");
    assertThat(spec.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.severity()).isEqualTo(Severity.WARNING);
              assertThat(v.field()).isEqualTo("network_policies.tools.binaries[0].harness");
            });
  }

  @Test
  void reservedProviderKeysPassThroughForTheOperatorToReject() {
    SandboxPolicy policy =
        SandboxPolicy.ofNetwork(
            Map.of("_provider_github", new NetworkPolicyRule("", List.of(), List.of())));
    var back = PolicyConverter.toModel(PolicyConverter.toSpec(policy).value());
    assertThat(back.value().networkPolicies()).containsOnlyKeys("_provider_github");
  }

  private static SandboxPolicy policyWith(NetworkEndpoint e) {
    return SandboxPolicy.ofNetwork(Map.of("r", new NetworkPolicyRule("", List.of(e), List.of())));
  }

  private static NetworkEndpointSpec onlyEndpoint(SandboxPolicySpec spec) {
    return spec.getNetworkPolicies().get("r").getEndpoints().get(0);
  }

  private static boolean hasHarness(SandboxPolicy p) {
    return harnessCount(p) > 0;
  }

  private static int harnessCount(SandboxPolicy p) {
    return (int)
        p.networkPolicies().values().stream()
            .flatMap(r -> r.binaries().stream())
            .filter(NetworkBinary::harness)
            .count();
  }

  private static SandboxPolicy withoutHarness(SandboxPolicy p) {
    Map<String, NetworkPolicyRule> rules = new java.util.TreeMap<>();
    p.networkPolicies()
        .forEach(
            (k, r) -> {
              List<NetworkBinary> bins = new ArrayList<>();
              r.binaries().forEach(b -> bins.add(NetworkBinary.of(b.path())));
              rules.put(k, new NetworkPolicyRule(r.name(), r.endpoints(), bins));
            });
    return p.withNetworkPolicies(rules);
  }
}
