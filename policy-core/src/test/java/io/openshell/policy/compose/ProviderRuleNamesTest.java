package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.l4;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRuleNamesTest {

  // C: provider_rule_name_sanitizes_provider_names
  @Test
  void ruleNameSanitisesProviderNames() {
    assertThat(ProviderRuleNames.ruleName("my-github")).isEqualTo("_provider_my_github");
    assertThat(ProviderRuleNames.ruleName("Work GitHub!")).isEqualTo("_provider_work_github");
    assertThat(ProviderRuleNames.ruleName("...")).isEqualTo("_provider_unnamed");
  }

  @Test
  void ruleNameReplacesEachCharacterWithoutCollapsingRuns() {
    assertThat(ProviderRuleNames.ruleName("work.github")).isEqualTo("_provider_work_github");
    assertThat(ProviderRuleNames.ruleName("a--b")).isEqualTo("_provider_a__b");
    assertThat(ProviderRuleNames.ruleName("_x_")).isEqualTo("_provider_x");
  }

  @Test
  void ruleNameReplacesEachUnicodeCharacterWithOneUnderscore() {
    assertThat(ProviderRuleNames.ruleName("a\uD83D\uDE00b")).isEqualTo("_provider_a_b");
    assertThat(ProviderRuleNames.ruleName("caf\u00e9x")).isEqualTo("_provider_caf_x");
  }

  // C: provider_rule_name_prefix_identifies_reserved_keys
  @Test
  void prefixIdentifiesReservedKeys() {
    assertThat(ProviderRuleNames.PREFIX).isEqualTo("_provider_");
    assertThat(ProviderRuleNames.isReserved("_provider_")).isTrue();
    assertThat(ProviderRuleNames.isReserved("_provider_x_2")).isTrue();
    assertThat(ProviderRuleNames.isReserved("provider_x")).isFalse();
    assertThat(ProviderRuleNames.isReserved("custom_provider_x")).isFalse();
  }

  // C: strip_provider_rule_names_removes_only_reserved_keys
  @Test
  void stripRemovesOnlyReservedKeysAndReportsTheChange() {
    SandboxPolicy p =
        policy(
            "custom", rule("custom", l4("a.com", 443)),
            "_provider_x", rule("_provider_x", l4("b.com", 443)));

    ProviderRuleNames.Stripped stripped = ProviderRuleNames.strip(p);

    assertThat(stripped.changed()).isTrue();
    assertThat(stripped.policy().networkPolicies()).containsOnlyKeys("custom");
  }

  @Test
  void stripOfAPolicyWithoutReservedKeysChangesNothing() {
    SandboxPolicy p = policy("custom", rule("custom", l4("a.com", 443)));

    ProviderRuleNames.Stripped stripped = ProviderRuleNames.strip(p);

    assertThat(stripped.changed()).isFalse();
    assertThat(stripped.policy()).isSameAs(p);
  }

  // W: validate_no_reserved_provider_policy_keys_rejects_reserved_key;
  // S: create_sandbox_rejects_reserved_provider_policy_key
  @Test
  void reservedKeyInABasePolicyIsRejectedWithOpenShellsMessage() {
    List<Violation> v =
        ProviderRuleNames.reservedKeyViolations(
            policy("_provider_evil", rule("", l4("a.com", 443))));

    assertThat(v)
        .containsExactly(
            Violation.error(
                ViolationCode.RESERVED_KEY_PREFIX,
                "network_policies._provider_evil",
                "network_policies key '_provider_evil' uses reserved '_provider_' prefix for"
                    + " provider composition; use 'openshell policy get <sandbox> --base' for a"
                    + " round-trippable base policy, or use 'openshell policy get <sandbox> --full'"
                    + " to inspect the effective policy including provider entries"));
  }

  // W: validate_no_reserved_provider_policy_keys_accepts_user_key
  @Test
  void userKeysAreAccepted() {
    assertThat(
            ProviderRuleNames.reservedKeyViolations(
                policy("custom_provider_x", rule("", l4("a.com", 443)))))
        .isEmpty();
  }

  // Q: update_config_global_policy_rejects_reserved_provider_key
  @Test
  void reservedKeyInTheGlobalPolicyIsRejectedUnderTheGlobalField() {
    List<Violation> v =
        ProviderRuleNames.globalReservedKeyViolations(
            policy("_provider_x", rule("", l4("a.com", 443))));

    assertThat(v)
        .singleElement()
        .extracting(Violation::field)
        .isEqualTo("globalPolicy.network_policies._provider_x");
    assertThat(v.get(0).message()).contains("reserved '_provider_' prefix");
  }

  // Q: merge_operation_validation_rejects_reserved_provider_add_rule_name
  @Test
  void mergeAddRuleMessageNamesTheRule() {
    assertThat(ProviderRuleNames.mergeAddRuleMessage("_provider_x"))
        .isEqualTo(
            "merge operation add_rule rule_name '_provider_x' uses reserved '_provider_' prefix"
                + " for provider composition");
  }
}
