package io.openshell.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartRbacTest {

  private static Stream<JsonNode> rules() {
    RenderedChart chart = RenderedChart.render(Map.of());
    return Stream.concat(chart.ofKind("ClusterRole"), chart.ofKind("Role"))
        .flatMap(r -> iterable(r.path("rules")).stream());
  }

  @Test
  void noRuleUsesAWildcardVerbResourceOrGroup() {
    assertThat(rules())
        .isNotEmpty()
        .allSatisfy(
            rule -> {
              assertThat(texts(rule.path("verbs"))).isNotEmpty().doesNotContain("*");
              assertThat(texts(rule.path("resources"))).isNotEmpty().doesNotContain("*");
              assertThat(texts(rule.path("apiGroups"))).doesNotContain("*");
            });
  }

  @Test
  void secretsAreReadOnly() {
    List<String> secretVerbs =
        rules()
            .filter(rule -> texts(rule.path("resources")).contains("secrets"))
            .flatMap(rule -> texts(rule.path("verbs")).stream())
            .toList();

    assertThat(secretVerbs).isNotEmpty();
    assertThat(Set.of("get", "list", "watch")).containsAll(secretVerbs);
  }

  @Test
  void operatorMayWriteOnlyStatusAndFinalizersBesidesItsOwnKinds() {
    assertThat(rules())
        .filteredOn(rule -> texts(rule.path("apiGroups")).contains("openshell.io"))
        .flatExtracting(rule -> texts(rule.path("resources")))
        .containsExactlyInAnyOrder(
            "providerprofiles",
            "providers",
            "sandboxes",
            "openshellsettings",
            "providerprofiles/status",
            "providers/status",
            "sandboxes/status",
            "openshellsettings/status",
            "providerprofiles/finalizers",
            "providers/finalizers",
            "sandboxes/finalizers");
  }

  @Test
  void clusterRoleIsBoundToTheOperatorServiceAccount() {
    JsonNode binding = RenderedChart.render(Map.of()).one("ClusterRoleBinding");

    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("oso-openshell-operator");
    assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(RenderedChart.NAMESPACE);
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<String> texts(JsonNode array) {
    return iterable(array).stream().map(JsonNode::asText).toList();
  }
}
