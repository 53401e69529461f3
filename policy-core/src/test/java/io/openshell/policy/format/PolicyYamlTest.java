package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.QueryMatcher;
import io.openshell.policy.model.SandboxPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyYamlTest {

  private static SandboxPolicy read(String yaml) {
    return PolicyYaml.read(yaml).orElseThrow();
  }

  private static Violation onlyError(String yaml) {
    Parsed<SandboxPolicy> parsed = PolicyYaml.read(yaml);
    assertThat(parsed).isInstanceOf(Parsed.Failed.class);
    assertThat(parsed.diagnostics()).hasSize(1);
    return parsed.diagnostics().get(0);
  }

  private static NetworkEndpoint onlyEndpoint(SandboxPolicy policy) {
    return policy.networkPolicies().values().iterator().next().endpoints().get(0);
  }

  private static String endpointPolicy(String endpointBody) {
    return "version: 1\nnetwork_policies:\n  r:\n    endpoints:\n      - "
        + endpointBody.strip().replace("\n", "\n        ")
        + "\n";
  }

  @Test
  void unknownEndpointFieldIsAParseErrorNamingTheFieldAndItsPath() {
    Violation v =
        onlyError(
            "version: 1\nnetwork_policies:\n  x:\n    endpoints:\n"
                + "      - host: a.example.com\n        bogus: 1\n");

    assertThat(v.code()).isEqualTo(ViolationCode.PARSE_ERROR);
    assertThat(v.field()).isEqualTo("file");
    assertThat(v.message()).isEqualTo("unknown field 'bogus' at network_policies.x.endpoints[0]");
  }

  @Test
  void unknownTopLevelFieldIsAParseError() {
    assertThat(onlyError("version: 1\nnetwork_policy: {}\n").message())
        .isEqualTo("unknown field 'network_policy'");
  }

  @Test
  void unknownFieldInsideAnAllowRuleIsAParseError() {
    String yaml =
        endpointPolicy(
            """
            host: a.example.com
            port: 443
            protocol: rest
            rules:
              - allow: {method: GET, verb: x}
            """);

    assertThat(onlyError(yaml).message())
        .isEqualTo("unknown field 'verb' at network_policies.r.endpoints[0].rules[0].allow");
  }

  @Test
  void versionIsRequired() {
    assertThat(onlyError("network_policies: {}\n").message()).isEqualTo("missing field 'version'");
  }

  @Test
  void emptyDocumentLacksTheVersion() {
    assertThat(onlyError("# nothing here\n").message()).isEqualTo("missing field 'version'");
  }

  @Test
  void networkMiddlewaresAreRejectedAsOutOfScope() {
    assertThat(onlyError("version: 1\nnetwork_middlewares: []\n").message())
        .contains("network_middlewares is not supported");
  }

  @Test
  void portAbove65535IsAParseError() {
    assertThat(onlyError(endpointPolicy("host: a.example.com\nport: 65536")).message())
        .isEqualTo(
            "invalid value: integer 65536, expected u16 at network_policies.r.endpoints[0].port");
  }

  @Test
  void portInPortsListAbove65535IsAParseError() {
    assertThat(onlyError(endpointPolicy("host: a.example.com\nports: [443, 70000]")).message())
        .endsWith("at network_policies.r.endpoints[0].ports[1]");
  }

  @Test
  void quotedPortIsAParseError() {
    assertThat(onlyError(endpointPolicy("host: a.example.com\nport: \"443\"")).message())
        .startsWith("invalid type: string \"443\", expected u16");
  }

  @Test
  void singlePortIsNormalisedToAOneElementPortsList() {
    NetworkEndpoint e = onlyEndpoint(read(endpointPolicy("host: a.example.com\nport: 443")));

    assertThat(e.port()).isEqualTo(443);
    assertThat(e.ports()).containsExactly(443);
  }

  @Test
  void nonEmptyPortsWinOverPortAndPortBecomesTheFirstPort() {
    NetworkEndpoint e =
        onlyEndpoint(read(endpointPolicy("host: a.example.com\nport: 80\nports: [443, 8443]")));

    assertThat(e.port()).isEqualTo(443);
    assertThat(e.ports()).containsExactly(443, 8443);
  }

  @Test
  void endpointWithoutPortsHasNoPorts() {
    NetworkEndpoint e = onlyEndpoint(read(endpointPolicy("host: a.example.com")));

    assertThat(e.port()).isZero();
    assertThat(e.ports()).isEmpty();
  }

  @Test
  void jsonRpcStanzaSetsTheBodyLimitWithoutMcpOptions() {
    NetworkEndpoint e =
        onlyEndpoint(
            read(
                endpointPolicy(
                    "host: a.example.com\nport: 443\nprotocol: json-rpc\n"
                        + "json_rpc: {max_body_bytes: 4096}")));

    assertThat(e.jsonRpcMaxBodyBytes()).isEqualTo(4096);
    assertThat(e.mcp()).isEmpty();
  }

  @Test
  void mcpStanzaSetsTheBodyLimitAndTheMcpOptions() {
    NetworkEndpoint e =
        onlyEndpoint(
            read(
                endpointPolicy(
                    "host: a.example.com\nport: 443\nprotocol: mcp\n"
                        + "mcp: {max_body_bytes: 8192, strict_tool_names: false,"
                        + " allow_all_known_mcp_methods: true}")));

    assertThat(e.jsonRpcMaxBodyBytes()).isEqualTo(8192);
    assertThat(e.mcp()).contains(new McpOptions(false, true));
  }

  @Test
  void mcpStanzaLimitWinsOverJsonRpcStanzaLimit() {
    NetworkEndpoint e =
        onlyEndpoint(
            read(
                endpointPolicy(
                    "host: a.example.com\nport: 443\nprotocol: mcp\n"
                        + "json_rpc: {max_body_bytes: 100}\nmcp: {max_body_bytes: 200}")));

    assertThat(e.jsonRpcMaxBodyBytes()).isEqualTo(200);
  }

  @Test
  void mcpStanzaWithoutOptionsGivesNoMcpOptions() {
    // lib.rs:592-599 mcp_options(): None unless one of the two options is set.
    NetworkEndpoint e =
        onlyEndpoint(
            read(endpointPolicy("host: a.example.com\nport: 443\nmcp: {max_body_bytes: 10}")));

    assertThat(e.mcp()).isEmpty();
    assertThat(e.jsonRpcMaxBodyBytes()).isEqualTo(10);
  }

  @Test
  void mcpStanzaWithAnOptionGivesMcpOptions() {
    NetworkEndpoint e =
        onlyEndpoint(
            read(endpointPolicy("host: a.example.com\nport: 443\nmcp: {strict_tool_names: true}")));

    assertThat(e.mcp()).contains(McpOptions.DEFAULT);
  }

  @Test
  void unknownFieldInTheMcpStanzaIsAParseError() {
    assertThat(onlyError(endpointPolicy("host: a\nport: 443\nmcp: {strict: true}")).message())
        .isEqualTo("unknown field 'strict' at network_policies.r.endpoints[0].mcp");
  }

  @Test
  void flatJsonRpcMaxBodyBytesIsAProfileFieldAndUnknownInPolicies() {
    assertThat(
            onlyError(endpointPolicy("host: a\nport: 443\njson_rpc_max_body_bytes: 5")).message())
        .startsWith("unknown field 'json_rpc_max_body_bytes'");
  }

  @Test
  void queryMatcherAcceptsBareGlobAndAnyList() {
    L7Match allow =
        onlyEndpoint(
                read(
                    endpointPolicy(
                        """
                        host: a
                        port: 443
                        protocol: rest
                        rules:
                          - allow:
                              method: GET
                              query:
                                tag: "prod-*"
                                repo: {any: ["NVIDIA/*", "openai/*"]}
                                env: staging
                        """)))
            .rules()
            .get(0)
            .allow();

    assertThat(allow.query())
        .containsEntry("tag", QueryMatcher.glob("prod-*"))
        .containsEntry("repo", QueryMatcher.anyOf(List.of("NVIDIA/*", "openai/*")))
        .containsEntry("env", QueryMatcher.glob("staging"));
  }

  @Test
  void toolMatcherAcceptsBareGlobAndAnyList() {
    NetworkEndpoint e =
        onlyEndpoint(
            read(
                endpointPolicy(
                    """
                    host: a
                    port: 443
                    protocol: mcp
                    rules:
                      - allow: {method: tools/call, tool: "read_*"}
                    deny_rules:
                      - method: tools/call
                        tool: {any: [delete_repo]}
                    """)));

    assertThat(e.rules().get(0).allow().tool()).contains(QueryMatcher.glob("read_*"));
    assertThat(e.denyRules().get(0).tool()).contains(QueryMatcher.anyOf(List.of("delete_repo")));
  }

  @Test
  void nestedMcpParamsAreFlattenedToDottedKeys() {
    L7Match allow =
        onlyEndpoint(
                read(
                    endpointPolicy(
                        """
                        host: a
                        port: 443
                        protocol: mcp
                        rules:
                          - allow:
                              method: tools/call
                              params: {name: read_file, arguments: {path: "/w/**"}}
                        """)))
            .rules()
            .get(0)
            .allow();

    assertThat(allow.params())
        .containsOnlyKeys("name", "arguments.path")
        .containsEntry("arguments.path", QueryMatcher.glob("/w/**"));
  }

  @Test
  void binaryHarnessFlagIsReadAndKept() {
    SandboxPolicy p =
        read(
            "version: 1\nnetwork_policies:\n  r:\n    binaries:\n"
                + "      - {path: /usr/bin/curl, harness: true}\n      - {path: /usr/bin/git}\n");

    assertThat(p.networkPolicies().get("r").binaries())
        .containsExactly(
            new NetworkBinary("/usr/bin/curl", true), NetworkBinary.of("/usr/bin/git"));
  }

  @Test
  void policyBinaryMustBeAMappingWithAPath() {
    assertThat(
            onlyError("version: 1\nnetwork_policies:\n  r:\n    binaries: [/usr/bin/curl]\n")
                .message())
        .isEqualTo(
            "invalid type: string \"/usr/bin/curl\", expected a mapping at"
                + " network_policies.r.binaries[0]");
  }

  @Test
  void internalEndpointFieldsAreNotAcceptedFromFiles() {
    assertThat(
            onlyError(endpointPolicy("host: a\nport: 443\nprovider_credentialed: true")).message())
        .startsWith("unknown field 'provider_credentialed'");
    assertThat(onlyError(endpointPolicy("host: a\nport: 443\nadvisor_proposed: true")).message())
        .startsWith("unknown field 'advisor_proposed'");
  }

  @Test
  void internalEndpointFieldsAreNeverWritten() {
    NetworkEndpoint e =
        NetworkEndpoint.builder()
            .host("a.example.com")
            .port(443)
            .providerCredentialed(true)
            .advisorProposed(true)
            .build();
    SandboxPolicy p =
        SandboxPolicy.ofNetwork(Map.of("r", new NetworkPolicyRule("", List.of(e), List.of())));

    assertThat(PolicyYaml.write(p))
        .isEqualTo(
            "version: 1\nnetwork_policies:\n  r:\n    endpoints:\n"
                + "      - host: a.example.com\n        port: 443\n");
  }

  @Test
  void yaml11BooleanWordsStayStrings() {
    SandboxPolicy p = read("version: 1\nnetwork_policies:\n  r:\n    name: on\n");

    assertThat(p.networkPolicies().get("r").name()).isEqualTo("on");
  }

  @Test
  void duplicateKeysAreAParseError() {
    assertThat(onlyError("version: 1\nversion: 2\n").message())
        .contains("Duplicate field 'version'");
  }

  @Test
  void severalDocumentsAreAParseError() {
    assertThat(onlyError("version: 1\n---\nversion: 1\n").message())
        .isEqualTo("a policy file must contain exactly one YAML document, found 2");
  }

  @Test
  void yamlSyntaxErrorIsAParseErrorWithALocation() {
    assertThat(onlyError("version: 1\nnetwork_policies: [\n").message()).contains(" at line ");
  }

  @Test
  void readingTheCanonicalTextOfAModelGivesTheSameModel() {
    NetworkEndpoint e =
        NetworkEndpoint.builder()
            .host("*.example.com")
            .port(443)
            .ports(List.of(443))
            .protocol("rest")
            .access("read-only")
            .build();
    SandboxPolicy p =
        SandboxPolicy.ofNetwork(
            Map.of(
                "r", new NetworkPolicyRule("name", List.of(e), List.of(NetworkBinary.of("/b")))));

    assertThat(read(PolicyYaml.write(p))).isEqualTo(p);
  }

  @Test
  void writeIsDeterministicRegardlessOfMapInsertionOrder() {
    NetworkEndpoint e = NetworkEndpoint.builder().host("a").port(1).ports(List.of(1)).build();
    NetworkPolicyRule rule = new NetworkPolicyRule("", List.of(e), List.of());
    LinkedHashMap<String, NetworkPolicyRule> ab = new LinkedHashMap<>();
    ab.put("a", rule);
    ab.put("b", rule);
    LinkedHashMap<String, NetworkPolicyRule> ba = new LinkedHashMap<>();
    ba.put("b", rule);
    ba.put("a", rule);

    assertThat(PolicyYaml.write(SandboxPolicy.ofNetwork(ab)))
        .isEqualTo(PolicyYaml.write(SandboxPolicy.ofNetwork(ba)));
  }

  @Test
  void writtenYamlHasNoDocumentStartMarker() {
    assertThat(PolicyYaml.write(SandboxPolicy.ofNetwork(Map.of()))).isEqualTo("version: 1\n");
  }

  @Test
  void writeJsonRendersTheSameDocumentAsJson() {
    SandboxPolicy p = read(endpointPolicy("host: a.example.com\nports: [443, 8443]"));

    assertThat(PolicyYaml.writeJson(p))
        .isEqualTo(
            """
            {
              "version" : 1,
              "network_policies" : {
                "r" : {
                  "name" : "r",
                  "endpoints" : [ {
                    "host" : "a.example.com",
                    "ports" : [ 443, 8443 ]
                  } ]
                }
              }
            }
            """);
  }

  @Test
  void queryMatcherGlobMappingIsAParseError() {
    // QueryMatcherDef is untagged Glob(String) | Any({any}) with deny_unknown_fields
    // (lib.rs:343-366): {glob: x} matches neither.
    assertThat(
            onlyError(
                    endpointPolicy(
                        """
                        host: a
                        port: 443
                        protocol: rest
                        rules:
                          - allow:
                              method: GET
                              query:
                                repo: {glob: "NVIDIA/*"}
                        """))
                .message())
        .isEqualTo(
            "data did not match any variant of untagged enum QueryMatcherDef at"
                + " network_policies.r.endpoints[0].rules[0].allow.query.repo");
  }

  @Test
  void yamlAliasIsResolvedToTheAnchoredValue() {
    NetworkEndpoint e =
        read("""
                version: 1
                network_policies:
                  r:
                    endpoints:
                      - host: &h alias.example.com
                        port: 443
                      - host: *h
                        port: 8443
                """)
            .networkPolicies()
            .get("r")
            .endpoints()
            .get(1);

    assertThat(e.host()).isEqualTo("alias.example.com");
  }

  @Test
  void yamlAliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    assertThat(onlyError(yaml.toString()).message()).startsWith("repetition limit exceeded");
  }

  @Test
  void readReportsNoDiagnosticsForAValidPolicy() {
    assertThat(PolicyYaml.read("version: 1\n").diagnostics()).isEmpty();
  }

  @Test
  void credentialBindingIsReadFromPolicyEndpoints() {
    NetworkEndpoint e =
        onlyEndpoint(
            read(endpointPolicy("host: a\nport: 443\ncredential_binding: {provider: gcp}")));

    assertThat(e.credentialBinding()).contains(new CredentialBinding("gcp"));
  }

  @Test
  void absentStaticSectionsStayAbsent() {
    SandboxPolicy p = read("version: 1\n");

    assertThat(p.filesystem()).isEqualTo(Optional.empty());
    assertThat(p.landlock()).isEmpty();
    assertThat(p.process()).isEmpty();
  }

  @Test
  void normalizeGivesThePolicyThatReadingItsCanonicalTextGives() {
    NetworkEndpoint authored = NetworkEndpoint.builder().host("a.example.com").port(443).build();
    SandboxPolicy p =
        SandboxPolicy.ofNetwork(
            Map.of("r", new NetworkPolicyRule("", List.of(authored), List.of())));

    assertThat(PolicyYaml.normalize(p)).isEqualTo(read(PolicyYaml.write(p)));
    assertThat(onlyEndpoint(PolicyYaml.normalize(p)).ports()).containsExactly(443);
  }
}
