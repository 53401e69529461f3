package io.openshell.policy.lint;

import static io.openshell.policy.lint.Profiles.profile;
import static io.openshell.policy.validate.Endpoints.allow;
import static io.openshell.policy.validate.Endpoints.allowMethod;
import static io.openshell.policy.validate.Endpoints.mcp;
import static io.openshell.policy.validate.Endpoints.mcpEndpoint;
import static io.openshell.policy.validate.Endpoints.method;
import static io.openshell.policy.validate.Endpoints.params;
import static io.openshell.policy.validate.Endpoints.rest;
import static io.openshell.policy.validate.Endpoints.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.QueryMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports OpenShell's MCP lint tests ({@code validate_mcp_*}, §10 P; rules of §2.5). */
class ProfileLintMcpTest {

  static List<String> lint(NetworkEndpoint ep) {
    return ProfileLintTest.lint(profile("p").endpoint(ep).build());
  }

  static L7Match toolAndParams(String method) {
    return new L7Match(
        method,
        "",
        "",
        Map.of(),
        "",
        "",
        List.of(),
        Map.of("name", QueryMatcher.glob("a")),
        Optional.of(QueryMatcher.glob("a")));
  }

  @Test
  void toolCallWithToolIsValid() {
    assertThat(lint(mcpEndpoint(allow(tool("tools/call", "search"))).build())).isEmpty();
  }

  // validate_mcp_params_selector_not_classified_as_deny_all
  @Test
  void paramsNameSelectorIsNotDenyAll() {
    assertThat(
            lint(
                mcpEndpoint(
                        allow(params("tools/call", Map.of("name", QueryMatcher.glob("search")))))
                    .build()))
        .isEmpty();
  }

  // mcp_tool_prevents_classify_as_deny_all
  @Test
  void toolSelectorWithoutMethodIsNotDenyAll() {
    assertThat(lint(mcpEndpoint(allow(tool("", "search"))).mcp(mcp(true, true)).build())).isEmpty();
  }

  // validate_mcp_empty_allow_with_allow_all_conflicts_with_tool_rules
  @Test
  void emptyAllowUnderAllowAllConflictsWithToolRules() {
    assertThat(
            lint(
                mcpEndpoint(allow(L7Match.EMPTY), allow(tool("tools/call", "search")))
                    .mcp(mcp(true, true))
                    .build()))
        .containsExactly(
            "endpoints[0].rules[0].allow: method matcher allows every tool call and conflicts with"
                + " MCP tool allow rules; add tool or params.name to narrow tools/call, or remove"
                + " the tool allow rules");
  }

  // validate_unsupported_params_rejected + validate_mcp_unsupported_params_key
  @Test
  void toolArgumentMatchingIsNotSupported() {
    assertThat(
            lint(
                mcpEndpoint(
                        allow(
                            params(
                                "tools/call",
                                Map.of(
                                    "name", QueryMatcher.glob("search"),
                                    "query", QueryMatcher.glob("x")))))
                    .build()))
        .containsExactly(
            "endpoints[0].rules[0].allow.params.query: MCP tool argument matching is not supported"
                + " yet");
  }

  // validate_mcp_tool_and_params_name_rejected
  @Test
  void toolAndParamsNameTogetherAreLeftToTheFileCheckBecauseLintSeesTheLoweredProfile() {
    // The gateway lints from_proto(to_proto(p)): tool is folded into params.name, which wins
    // (profiles.rs:1256-1281); the CLI's validate_before_lowering reports the pair instead.
    assertThat(lint(mcpEndpoint(allow(toolAndParams("tools/call"))).build())).isEmpty();
  }

  // validate_mcp_deny_tool_and_params_name_rejected
  @Test
  void denyRuleWithToolAndParamsNameIsLeftToTheFileCheck() {
    assertThat(
            lint(
                mcpEndpoint(allow(tool("tools/call", "search")))
                    .denyRules(List.of(toolAndParams("tools/call")))
                    .build()))
        .isEmpty();
  }

  // validate_mcp_explicit_broad_method_without_allow_all
  @Test
  void explicitToolsCallNextToToolRulesConflicts() {
    assertThat(
            lint(
                mcpEndpoint(allowMethod("tools/call"), allow(tool("tools/call", "search")))
                    .build()))
        .containsExactly(
            "endpoints[0].rules[0].allow: method matcher allows every tool call and conflicts with"
                + " MCP tool allow rules; add tool or params.name to narrow tools/call, or remove"
                + " the tool allow rules");
  }

  // validate_mcp_glob_broad_method_detected
  @Test
  void toolsGlobMethodNextToToolRulesConflicts() {
    assertThat(
            lint(mcpEndpoint(allowMethod("tools/*"), allow(tool("tools/call", "search"))).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow: method matcher allows every tool call and conflicts with"
                + " MCP tool allow rules; add tool or params.name to narrow tools/call, or remove"
                + " the tool allow rules");
  }

  // validate_mcp_deny_rule_broad_method_conflict
  @Test
  void broadDenyNextToToolAllowRulesConflicts() {
    assertThat(
            lint(
                mcpEndpoint(allow(tool("tools/call", "search")))
                    .denyRules(List.of(method("tools/call")))
                    .build()))
        .containsExactly(
            "endpoints[0].deny_rules[0]: method matcher denies every tool call and conflicts with"
                + " MCP tool allow rules; add tool or params.name to deny specific tools, or remove"
                + " the tool allow rules");
  }

  // validate_mcp_deny_rule_with_tool_selector_ok
  @Test
  void denyRuleWithToolSelectorIsValid() {
    assertThat(
            lint(
                mcpEndpoint(allow(tool("tools/call", "search")))
                    .denyRules(List.of(tool("tools/call", "delete")))
                    .build()))
        .isEmpty();
  }

  // validate_mcp_method_must_be_tools_call_with_tool_selector
  @Test
  void toolSelectorNeedsToolsCallMethod() {
    assertThat(lint(mcpEndpoint(allow(tool("tools/list", "search"))).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow: method must be tools/call when an MCP rule uses tool or"
                + " params.name");
  }

  // validate_mcp_deny_method_must_be_tools_call_with_tool_selector
  @Test
  void denyToolSelectorNeedsToolsCallMethod() {
    assertThat(
            lint(
                mcpEndpoint(allowMethod("initialize"))
                    .denyRules(List.of(tool("resources/read", "x")))
                    .build()))
        .containsExactly(
            "endpoints[0].deny_rules[0]: method must be tools/call when an MCP rule uses tool or"
                + " params.name");
  }

  // validate_mcp_method_required_without_allow_all
  @Test
  void methodIsRequiredWithoutAllowAll() {
    assertThat(lint(mcpEndpoint(allow(tool("", "search"))).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow: method is required when"
                + " mcp.allow_all_known_mcp_methods is false");
  }

  // validate_mcp_matcher_glob_and_any_rejected
  @Test
  void matcherCannotHaveGlobAndAny() {
    L7Match m =
        new L7Match(
            "tools/call",
            "",
            "",
            Map.of(),
            "",
            "",
            List.of(),
            Map.of(),
            Optional.of(new QueryMatcher(Optional.of("a"), List.of("b"))));
    assertThat(lint(mcpEndpoint(allow(m)).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow.params.name: matcher cannot specify both glob and any");
  }

  // validate_mcp_matcher_empty_rejected
  @Test
  void matcherMustHaveGlobOrAny() {
    L7Match m = params("tools/call", Map.of("name", new QueryMatcher(Optional.empty(), List.of())));
    assertThat(lint(mcpEndpoint(allow(m)).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow.params.name: matcher must specify glob or any");
  }

  // validate_mcp_wildcard_without_strict_tool_names
  @Test
  void wildcardToolNeedsStrictToolNames() {
    assertThat(
            lint(mcpEndpoint(allow(tool("tools/call", "search_*"))).mcp(mcp(false, false)).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow.params.name: wildcard tool-name matchers require"
                + " mcp.strict_tool_names to remain enabled");
  }

  // validate_mcp_wildcard_with_strict_tool_names_ok
  @Test
  void wildcardToolWithStrictToolNamesIsValid() {
    assertThat(
            lint(mcpEndpoint(allow(tool("tools/call", "search_*"))).mcp(mcp(true, false)).build()))
        .isEmpty();
  }

  // validate_mcp_method_glob_restricted_to_tools
  @Test
  void methodGlobsOnlyWithinTools() {
    assertThat(lint(mcpEndpoint(allowMethod("resources/*")).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow.method: MCP method globs are only valid for the tools/"
                + " method family; omit method to use the endpoint method profile");
  }

  // validate_mcp_path_rejected
  @Test
  void pathIsNotAnMcpSelector() {
    assertThat(lint(mcpEndpoint(allow(L7Match.of("tools/list", "/mcp"))).build()))
        .containsExactly(
            "endpoints[0].rules[0].allow: mcp L7 rules must use method/tool, not path/query");
  }

  // validate_mcp_tool_on_non_mcp_rejected
  @Test
  void toolOnRestEndpointIsRejected() {
    NetworkEndpoint ep =
        rest("h")
            .access("")
            .rules(List.of(allow(tool("GET", "x"))))
            .denyRules(List.of(params("POST", Map.of("name", QueryMatcher.glob("y")))))
            .build();
    assertThat(lint(ep))
        .containsExactly(
            "endpoints[0].rules[0].allow.params: params matching is only valid for protocol mcp",
            "endpoints[0].deny_rules[0].params: params matching is only valid for protocol mcp");
  }

  // validate_mcp_options_on_non_mcp_rejected
  @Test
  void mcpOptionsOnRestEndpointAreRejected() {
    assertThat(lint(rest("h").mcp(mcp(true, false)).build()))
        .containsExactly("endpoints[0]: mcp options are only valid for protocol mcp");
  }
}
