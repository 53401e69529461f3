package io.openshell.policy.validate;

import static io.openshell.policy.validate.Endpoints.allow;
import static io.openshell.policy.validate.Endpoints.allowMethod;
import static io.openshell.policy.validate.Endpoints.at;
import static io.openshell.policy.validate.Endpoints.mcp;
import static io.openshell.policy.validate.Endpoints.method;
import static io.openshell.policy.validate.Endpoints.rest;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.model.GraphqlPersistedQuery;
import io.openshell.policy.model.L7Match;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports OpenShell's {@code l7_validate.rs} tests (§10 L) plus the explicit-tcp field rule. */
class L7SemanticsTest {

  // valid_endpoint_produces_no_errors
  @Test
  void restEndpointWithAccessPresetIsValid() {
    assertThat(L7Semantics.semantics(rest("api.example.com").build())).isEmpty();
  }

  // rejects_unknown_protocol
  @Test
  void unknownProtocolIsRejected() {
    assertThat(L7Semantics.semantics(at("h").protocol("ftp").build()))
        .containsExactly(
            "unknown protocol 'ftp' (expected tcp, rest, websocket, graphql, sql, json-rpc, or mcp)");
  }

  // rejects_rules_and_access_together
  @Test
  void rulesAndAccessAreMutuallyExclusive() {
    assertThat(
            L7Semantics.semantics(
                rest("h").access("full").rules(List.of(allowMethod("GET"))).build()))
        .containsExactly("rules and access are mutually exclusive");
  }

  // rejects_jsonrpc_with_access_presets + jsonrpc_with_access_emits_single_diagnostic
  @Test
  void jsonRpcWithAccessPresetEmitsOnlyTheAccessPresetDiagnostic() {
    assertThat(L7Semantics.semantics(at("h").protocol("json-rpc").access("full").build()))
        .containsExactly(
            "protocol json-rpc does not support access presets; use explicit rules with"
                + " allow.method such as \"*\"");
  }

  // rejects_mcp_with_access_presets
  @Test
  void mcpWithAccessPresetPointsAtAllowAllKnownMcpMethods() {
    assertThat(L7Semantics.semantics(at("h").protocol("mcp").access("full").build()))
        .containsExactly(
            "protocol mcp does not support access presets; use rules/deny_rules or set"
                + " mcp.allow_all_known_mcp_methods: true for an allow-all MCP policy");
  }

  // rejects_jsonrpc_without_rules + jsonrpc_without_rules_or_access_emits_single_diagnostic
  @Test
  void jsonRpcWithoutRulesEmitsOnlyTheExplicitRulesDiagnostic() {
    assertThat(L7Semantics.semantics(at("h").protocol("json-rpc").build()))
        .containsExactly("protocol json-rpc requires explicit rules with allow.method");
  }

  // rejects_protocol_without_rules_or_access
  @Test
  void restWithoutRulesOrAccessIsRejected() {
    assertThat(L7Semantics.semantics(at("h").protocol("rest").build()))
        .containsExactly("protocol requires rules or access to define allowed traffic");
  }

  // rejects_mcp_without_rules_when_allow_all_false
  @Test
  void mcpWithoutRulesNeedsAllowAllKnownMethods() {
    assertThat(L7Semantics.semantics(at("h").protocol("mcp").build()))
        .containsExactly(
            "protocol mcp requires rules when mcp.allow_all_known_mcp_methods is false");
  }

  // accepts_mcp_with_allow_all_true
  @Test
  void mcpWithAllowAllKnownMethodsNeedsNoRules() {
    assertThat(L7Semantics.semantics(at("h").protocol("mcp").mcp(mcp(true, true)).build()))
        .isEmpty();
  }

  // rejects_rules_that_deny_all
  @Test
  void rulesWithoutAnyAllowClauseAreRejected() {
    assertThat(
            L7Semantics.semantics(
                at("h").protocol("rest").rules(List.of(allow(L7Match.EMPTY))).build()))
        .containsExactly(
            "rules would deny all traffic (no allow clause found). Use `access: full` or add"
                + " allow clauses to rules.");
  }

  // mcp_allow_all_with_empty_allow_not_rejected
  @Test
  void mcpAllowAllWithEmptyAllowIsNotDenyAll() {
    assertThat(
            L7Semantics.semantics(
                at("h")
                    .protocol("mcp")
                    .mcp(mcp(true, true))
                    .rules(List.of(allow(L7Match.EMPTY)))
                    .build()))
        .isEmpty();
  }

  // rejects_deny_rules_without_protocol
  @Test
  void denyRulesNeedAProtocol() {
    assertThat(L7Semantics.semantics(at("h").denyRules(List.of(method("POST"))).build()))
        .containsExactly(
            "deny_rules require protocol (L7 inspection must be enabled)",
            "deny_rules require rules or access to define the base allow set");
  }

  // rejects_deny_rules_without_allow_base
  @Test
  void denyRulesNeedABaseAllowSet() {
    assertThat(
            L7Semantics.semantics(
                at("h").protocol("rest").access("").denyRules(List.of(method("POST"))).build()))
        .containsExactly(
            "protocol requires rules or access to define allowed traffic",
            "deny_rules require rules or access to define the base allow set");
  }

  // no_protocol_no_errors
  @Test
  void plainL4EndpointHasNoL7Errors() {
    assertThat(L7Semantics.semantics(at("h").build())).isEmpty();
  }

  // explicit_tcp_is_valid_without_l7_fields
  @Test
  void explicitTcpWithoutL7FieldsIsValid() {
    var ep = at("h").protocol("tcp").build();
    assertThat(L7Semantics.semantics(ep)).isEmpty();
    assertThat(L7Semantics.explicitTcpFieldCheck(ep, true)).isEmpty();
  }

  // explicit_tcp_rejects_l7_fields
  @Test
  void explicitTcpRejectsAccessRulesAndDenyRules() {
    assertThat(L7Semantics.semantics(at("h").protocol("TCP").access("full").build()))
        .containsExactly(
            "protocol tcp does not support access, rules, or deny_rules; remove those L7 fields");
  }

  // explicit_tcp_rejects_additional_l7_fields
  @Test
  void explicitTcpRejectsAdditionalL7FieldsInOpenShellOrder() {
    var ep =
        at("h")
            .protocol("tcp")
            .enforcement("enforce")
            .path("/x")
            .allowEncodedSlash(true)
            .websocketCredentialRewrite(true)
            .requestBodyCredentialRewrite(true)
            .persistedQueries("deny")
            .graphqlPersistedQueries(
                Map.of("h1", new GraphqlPersistedQuery("query", "Q", List.of())))
            .graphqlMaxBodyBytes(1)
            .jsonRpcMaxBodyBytes(1)
            .mcp(mcp(true, false))
            .build();
    assertThat(L7Semantics.explicitTcpFieldCheck(ep, false))
        .containsExactly(
            "protocol tcp does not support L7-only fields: enforcement, path, allow_encoded_slash,"
                + " websocket_credential_rewrite, request_body_credential_rewrite,"
                + " persisted_queries, graphql_persisted_queries, graphql_max_body_bytes,"
                + " json_rpc_max_body_bytes, mcp; remove those fields");
  }

  // validate_rejects_additional_l7_field_families_with_explicit_tcp (profile variant)
  @Test
  void explicitTcpInProfilesAlsoRejectsSigningFields() {
    var ep =
        at("h")
            .protocol("tcp")
            .credentialSigning("sigv4")
            .signingService("s3")
            .signingRegion("us-east-1")
            .build();
    assertThat(L7Semantics.explicitTcpFieldCheck(ep, true))
        .containsExactly(
            "protocol tcp does not support L7-only fields: credential_signing, signing_service,"
                + " signing_region; remove those fields");
    assertThat(L7Semantics.explicitTcpFieldCheck(ep, false)).isEmpty();
  }

  // l7_protocol_parse_known_variants + l7_protocol_jsonrpc_family
  @Test
  void protocolParsingIsCaseInsensitiveAndExcludesTcp() {
    assertThat(L7Semantics.l7Protocol("REST")).contains("rest");
    assertThat(L7Semantics.l7Protocol("Json-Rpc")).contains("json-rpc");
    assertThat(L7Semantics.l7Protocol("tcp")).isEmpty();
    assertThat(L7Semantics.l7Protocol("ftp")).isEmpty();
  }

  @Test
  void pathMustBeAbsoluteOrDoubleStar() {
    assertThat(L7Semantics.runtimeChecks(rest("h").path("api/*").build()))
        .containsExactly("path must start with '/' or be '**'");
    assertThat(L7Semantics.runtimeChecks(rest("h").path("**").build())).isEmpty();
  }

  @Test
  void persistedQueriesAcceptsOnlyDenyOrAllowRegistered() {
    assertThat(L7Semantics.runtimeChecks(rest("h").persistedQueries("allow").build()))
        .containsExactly("persisted_queries must be 'deny' or 'allow_registered', got 'allow'");
  }

  @Test
  void sqlCannotBeEnforced() {
    assertThat(
            L7Semantics.runtimeChecks(
                at("h").protocol("sql").access("full").enforcement("enforce").build()))
        .containsExactly("SQL enforcement requires full SQL parsing; use enforcement: audit");
  }

  @Test
  void graphqlRulesNeedAnOperationType() {
    var ep =
        at("h")
            .protocol("graphql")
            .rules(
                List.of(
                    allow(Endpoints.operationType("*")), allow(Endpoints.operationType("query"))))
            .denyRules(List.of(Endpoints.operationType("")))
            .graphqlPersistedQueries(Map.of("abc", new GraphqlPersistedQuery("", "Q", List.of())))
            .build();
    assertThat(L7Semantics.runtimeChecks(ep))
        .containsExactly(
            "rules[0].allow.operation_type must be query, mutation, or subscription",
            "deny_rules[0].operation_type must be query, mutation, or subscription",
            "graphql_persisted_queries[abc].operation_type must be query, mutation, or"
                + " subscription");
  }

  @Test
  void mcpOptionsOnlyOnMcpEndpoints() {
    assertThat(L7Semantics.runtimeChecks(rest("h").mcp(mcp(true, false)).build()))
        .containsExactly("mcp options are only valid for protocol mcp");
  }
}
