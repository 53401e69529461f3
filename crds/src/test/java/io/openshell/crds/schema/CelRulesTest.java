package io.openshell.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Properties of the CEL rules in the generated CRDs, independent of any one fixture. */
class CelRulesTest {
  private static final List<String> KINDS =
      List.of("ProviderProfile", "Provider", "Sandbox", "OpenShellSettings");

  private static List<CelRule> allRules() {
    return KINDS.stream().flatMap(k -> CrdValidator.of(k).rules().stream()).toList();
  }

  @Test
  void everyRuleAndMessageExpressionCompilesInTheStandardCelEnvironment() {
    for (CelRule r : allRules()) {
      assertThatCode(() -> CrdValidator.compile(r.rule()))
          .as(r.toString())
          .doesNotThrowAnyException();
      if (!r.messageExpression().isEmpty()) {
        assertThatCode(() -> CrdValidator.compile(r.messageExpression()))
            .as(r.toString())
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void everyRuleHasAMessage() {
    assertThat(allRules()).allSatisfy(r -> assertThat(r.message()).as(r.toString()).isNotBlank());
  }

  /**
   * Each distinct rule must be broken by at least one invalid fixture, so no rule is vacuous (a
   * rule that can never fail protects nothing). Rules shared by several kinds (the endpoint shape)
   * count once.
   */
  @Test
  void everyCelRuleIsBrokenByAtLeastOneInvalidFixture() {
    Set<String> broken = new TreeSet<>();
    for (Fixture f : Fixture.all()) {
      if (f.isValid()) {
        continue;
      }
      CrdValidator.of(f.kind()).validate(f.object(), f.old().orElse(null)).stream()
          .flatMap(failure -> failure.rule().stream())
          .forEach(r -> broken.add(r.rule()));
    }
    Set<String> all =
        allRules().stream().map(CelRule::rule).collect(Collectors.toCollection(TreeSet::new));
    assertThat(broken).as("rules broken by some invalid fixture").containsAll(all);
  }

  @Test
  void everyCelRuleSitsInsideBoundedListsAndMaps() {
    for (String kind : KINDS) {
      CrdValidator.of(kind)
          .ruleCardinalities()
          .forEach(
              (rule, cardinality) ->
                  assertThat(cardinality)
                      .as(
                          "%s %s: add maxItems/maxProperties to the lists and maps around it",
                          kind, rule.path())
                      .isBetween(1L, 200_000L));
    }
  }

  @Test
  void transitionRulesOnlyRunOnUpdates() {
    CrdValidator providers = CrdValidator.of("Provider");
    var created = GeneratedCrds.YAML.createObjectNode();
    created.put("apiVersion", "openshell.io/v1alpha1").put("kind", "Provider");
    created.putObject("metadata").put("name", "gh");
    created.putObject("spec").put("type", "github").put("runtimeCredentials", true);
    assertThat(providers.validate(created)).isEmpty();
  }
}
