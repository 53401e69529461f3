package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.ep;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.SandboxPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports OpenShell's {@code ambiguity.rs} tests (list A). */
class EndpointAmbiguitiesTest {

  private static SandboxPolicy policyWith(NetworkEndpoint left, NetworkEndpoint right) {
    Map<String, NetworkPolicyRule> rules = new LinkedHashMap<>();
    rules.put(
        "left",
        new NetworkPolicyRule("left", List.of(left), List.of(NetworkBinary.of("/usr/bin/curl"))));
    rules.put(
        "right",
        new NetworkPolicyRule("right", List.of(right), List.of(NetworkBinary.of("/usr/bin/bash"))));
    return SandboxPolicy.ofNetwork(rules);
  }

  private static List<EndpointAmbiguities.Ambiguity> find(NetworkEndpoint l, NetworkEndpoint r) {
    return EndpointAmbiguities.find(policyWith(l, r));
  }

  // A: disjoint_ports_do_not_overlap
  @Test
  void disjointPortsDoNotOverlap() {
    assertThat(
            find(
                ep("api.example.com", 443).tls("skip").build(),
                ep("api.example.com", 8443).build()))
        .isEmpty();
  }

  // A: compatible_request_rules_may_overlap
  @Test
  void differingAccessOnTheSameHostIsCompatible() {
    NetworkEndpoint.Builder b = ep("api.example.com", 443).protocol("rest").tls("skip");
    assertThat(find(b.access("read-only").build(), b.access("read-write").build())).isEmpty();
  }

  // A: plain_l4_endpoint_does_not_compete_with_l7_endpoint_metadata
  @Test
  void plainL4EndpointDoesNotCompeteWithL7Metadata() {
    assertThat(
            find(
                ep("api.example.com", 443).build(),
                ep("api.example.com", 443).protocol("rest").enforcement("enforce").build()))
        .isEmpty();
  }

  // A: disjoint_path_specific_protocols_may_overlap
  @Test
  void disjointPathSpecificProtocolsMayOverlap() {
    assertThat(
            find(
                ep("api.example.com", 443).path("/graphql").protocol("graphql").build(),
                ep("api.example.com", 443).path("/repos/**").protocol("rest").build()))
        .isEmpty();
  }

  // A: question_mark_path_overlap_is_detected
  @Test
  void questionMarkPathOverlapIsDetected() {
    List<EndpointAmbiguities.Ambiguity> a =
        find(
            ep("api.example.com", 443).path("/v?").protocol("rest").build(),
            ep("api.example.com", 443).path("/v1").protocol("graphql").build());

    assertThat(a)
        .singleElement()
        .satisfies(x -> assertThat(x.conflicts()).anyMatch(c -> c.contains("protocol")));
  }

  // A: overlapping_character_class_paths_are_detected
  @Test
  void overlappingCharacterClassPathsAreDetected() {
    assertThat(
            find(
                ep("api.example.com", 443).path("/v[12]").protocol("rest").build(),
                ep("api.example.com", 443).path("/v[23]").protocol("graphql").build()))
        .hasSize(1);
  }

  // A: disjoint_character_class_paths_may_overlap_by_host_and_port
  @Test
  void disjointCharacterClassPathsMayOverlapByHostAndPort() {
    assertThat(
            find(
                ep("api.example.com", 443).path("/v[12]").protocol("rest").build(),
                ep("api.example.com", 443).path("/v[34]").protocol("graphql").build()))
        .isEmpty();
  }

  // A: more_specific_path_may_override_request_pipeline_metadata
  @Test
  void moreSpecificPathMayOverrideRequestMetadata() {
    assertThat(
            find(
                ep("api.example.com", 443).protocol("rest").enforcement("enforce").build(),
                ep("api.example.com", 443)
                    .path("/graphql")
                    .protocol("graphql")
                    .enforcement("enforce")
                    .build()))
        .isEmpty();
  }

  // A: exact_wildcard_tls_conflict_is_rejected
  @Test
  void exactWildcardTlsConflictIsRejectedWithOpenShellsMessage() {
    List<EndpointAmbiguities.Ambiguity> a =
        find(ep("*.example.com", 443).tls("skip").build(), ep("api.example.com", 443).build());

    assertThat(a).hasSize(1);
    assertThat(a.get(0).conflicts().get(0)).contains("tls");
    assertThat(a.get(0).message())
        .isEqualTo(
            "network policies 'left' endpoint[0] (*.example.com:443) and 'right' endpoint[0]"
                + " (api.example.com:443) overlap on port(s) 443 with conflicting metadata:"
                + " tls=\"skip\" vs \"auto\"");
  }

  // OpenShell ambiguity.rs:352-366 (normalized_tls / normalized_enforcement compare untrimmed):
  // parity row H1.
  @Test
  void tlsAndEnforcementWithTrailingSpacesNormaliseToTheDefaults() {
    List<EndpointAmbiguities.Ambiguity> a =
        find(
            ep("api.example.com", 443).protocol("rest").tls("skip").enforcement("enforce").build(),
            ep("api.example.com", 443)
                .protocol("rest")
                .tls("skip ")
                .enforcement("enforce ")
                .build());

    assertThat(a).hasSize(1);
    assertThat(a.get(0).conflicts())
        .containsExactly("tls=\"skip\" vs \"auto\"", "enforcement=\"enforce\" vs \"audit\"");
  }

  // Rust's Debug for str (rustc-verified in parity-audit-2 row L1).
  @Test
  void conflictValuesAreEscapedAsRustDebugDoes() {
    assertThat(EndpointAmbiguities.debug("a\tb\nc\rd\0e\u0007f\u200bg\ufeffh\"i\\j k"))
        .isEqualTo("\"a\\tb\\nc\\rd\\0e\\u{7}f\\u{200b}g\\u{feff}h\\\"i\\\\j k\"");
  }

  // A: allowed_ip_conflict_is_rejected_regardless_of_order
  @Test
  void allowedIpsAreComparedAsSets() {
    NetworkEndpoint left =
        ep("api.example.com", 443).allowedIps(List.of("10.0.1.0/24", "10.0.0.0/24")).build();
    NetworkEndpoint compatible =
        ep("api.example.com", 443).allowedIps(List.of("10.0.0.0/24", "10.0.1.0/24")).build();
    NetworkEndpoint conflicting =
        ep("api.example.com", 443).allowedIps(List.of("10.0.2.0/24")).build();

    assertThat(find(left, compatible)).isEmpty();
    assertThat(find(left, conflicting).get(0).conflicts())
        .contains("allowed_ips=[\"10.0.0.0/24\", \"10.0.1.0/24\"] vs [\"10.0.2.0/24\"]");
  }

  // A: credential_and_parser_conflicts_are_rejected_on_same_path
  @Test
  void credentialAndParserConflictsAreRejectedOnTheSamePath() {
    NetworkEndpoint.Builder b =
        ep("api.example.com", 443)
            .protocol("rest")
            .credentialSigning("sigv4")
            .signingService("execute-api");
    NetworkEndpoint left = b.build();
    NetworkEndpoint right = b.signingService("bedrock").allowEncodedSlash(true).build();

    List<String> conflicts = find(left, right).get(0).conflicts();

    assertThat(conflicts)
        .contains(
            "signing_service=\"execute-api\" vs \"bedrock\"", "allow_encoded_slash=false vs true");
  }

  // A: credential_binding_conflicts_are_rejected_on_same_endpoint
  @Test
  void differentBindingProvidersConflict() {
    List<EndpointAmbiguities.Ambiguity> a =
        find(
            ep("api.example.com", 443)
                .credentialBinding(Optional.of(new CredentialBinding("provider-a")))
                .build(),
            ep("api.example.com", 443)
                .credentialBinding(Optional.of(new CredentialBinding("provider-b")))
                .build());

    assertThat(a)
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.conflicts())
                    .containsExactly(
                        "credential_binding.provider=\"provider-a\" vs \"provider-b\""));
  }

  // A: json_rpc_body_limit_is_compared_only_within_the_same_protocol
  @Test
  void jsonRpcBodyLimitIsComparedOnlyWithinTheSameProtocol() {
    NetworkEndpoint rpc =
        ep("api.example.com", 443).protocol("json-rpc").jsonRpcMaxBodyBytes(1024).build();
    NetworkEndpoint rpcDefault = ep("api.example.com", 443).protocol("json-rpc").build();
    NetworkEndpoint mcp = ep("api.example.com", 443).protocol("mcp").build();

    assertThat(find(rpc, rpcDefault).get(0).conflicts())
        .containsExactly("json_rpc_max_body_bytes=1024 vs 65536");
    assertThat(find(rpc, mcp).get(0).conflicts())
        .containsExactly("protocol=\"json-rpc\" vs \"mcp\"");
  }

  // A: websocket_graphql_classification_conflict_is_rejected
  @Test
  void websocketGraphqlClassificationConflictIsRejected() {
    NetworkEndpoint plain =
        ep("api.example.com", 443)
            .protocol("websocket")
            .rules(List.of(new L7Rule(L7Match.of("GET", "**"))))
            .build();
    L7Match graphqlAllow =
        new L7Match("", "", "", Map.of(), "query", "", List.of(), Map.of(), Optional.empty());
    NetworkEndpoint graphql =
        ep("api.example.com", 443)
            .protocol("websocket")
            .rules(List.of(new L7Rule(graphqlAllow)))
            .build();

    assertThat(find(plain, graphql).get(0).conflicts())
        .containsExactly("websocket_graphql_policy=false vs true");
  }

  // A: matching_websocket_graphql_classification_is_compatible
  @Test
  void matchingWebsocketGraphqlClassificationIsCompatible() {
    NetworkEndpoint a =
        ep("api.example.com", 443)
            .protocol("websocket")
            .persistedQueries("allow_registered")
            .build();
    NetworkEndpoint b =
        ep("api.example.com", 443)
            .protocol("websocket")
            .persistedQueries("allow_registered")
            .build();

    assertThat(find(a, b)).isEmpty();
  }

  // A: different_binary_lists_do_not_hide_endpoint_ambiguity
  @Test
  void differentBinariesDoNotHideAmbiguity() {
    // policyWith gives the two rules different binaries
    assertThat(
            find(
                ep("api.example.com", 443).tls("skip").build(), ep("api.example.com", 443).build()))
        .hasSize(1);
  }

  // A: explicit_tcp_and_omitted_protocol_are_ambiguous_for_native_tcp_eligibility
  @Test
  void explicitTcpAndOmittedProtocolAreAmbiguous() {
    assertThat(
            find(
                    ep("db.example.com", 5432).protocol("tcp").build(),
                    ep("db.example.com", 5432).build())
                .get(0)
                .conflicts())
        .containsExactly("transparent_tcp_eligible=true vs false");
  }

  @Test
  void mcpStrictToolNamesDefaultToTrue() {
    NetworkEndpoint strict = ep("mcp.example.com", 443).protocol("mcp").build();
    NetworkEndpoint lax =
        ep("mcp.example.com", 443)
            .protocol("mcp")
            .mcp(Optional.of(new McpOptions(false, true)))
            .build();

    assertThat(find(strict, lax).get(0).conflicts())
        .containsExactly("mcp.strict_tool_names=true vs false");
  }

  @Test
  void endpointsWithinOneRuleAreComparedToo() {
    SandboxPolicy p =
        SandboxPolicy.ofNetwork(
            Map.of(
                "one",
                new NetworkPolicyRule(
                    "",
                    List.of(
                        ep("a.example.com", 443).tls("skip").build(),
                        ep("a.example.com", 443).build()),
                    List.of())));

    assertThat(EndpointAmbiguities.find(p))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.leftPolicy()).isEqualTo("one");
              assertThat(a.rightIndex()).isEqualTo(1);
            });
  }

  @Test
  void pairsAreReportedInRuleThenEndpointOrder() {
    SandboxPolicy p =
        SandboxPolicy.ofNetwork(
            Map.of(
                "a",
                    new NetworkPolicyRule(
                        "", List.of(ep("api.example.com", 443).tls("skip").build()), List.of()),
                "b",
                    new NetworkPolicyRule("", List.of(ep("*.example.com", 443).build()), List.of()),
                "c",
                    new NetworkPolicyRule(
                        "", List.of(ep("api.example.com", 443).build()), List.of())));

    assertThat(EndpointAmbiguities.find(p))
        .extracting(a -> a.leftPolicy() + "-" + a.rightPolicy())
        .containsExactly("a-b", "a-c");
  }

  @Test
  void selectorShowsAnyHostPortsAndPath() {
    assertThat(
            EndpointAmbiguities.selector(ep("", 0).ports(List.of(8443, 443)).path("/v1").build()))
        .isEqualTo("<any-host>:443,8443/v1");
  }

  // Q: update_config_rejects_ambiguous_policy_before_persisting_revision
  @Test
  void checkWrapsEveryPairInOpenShellsFailureMessage() {
    var v =
        EndpointAmbiguities.check(
                policyWith(
                    ep("*.example.com", 443).tls("skip").build(),
                    ep("api.example.com", 443).build()))
            .orElseThrow();

    assertThat(v.code()).isEqualTo(ViolationCode.AMBIGUOUS_ENDPOINTS);
    assertThat(v.message())
        .startsWith(
            "network endpoint ambiguity validation failed:\nnetwork policies 'left' endpoint[0]");
  }
}
