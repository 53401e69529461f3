package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

  private static final String DEPLOYMENT_SPEC =
      "{'containers':[{'name':'op','image':'op:1','ports':[{'containerPort':8080}]},"
          + "{'name':'agent','image':'agent:1'}]}";

  @Test
  void listElementsWithANameAreMergedByName() {
    var result =
        StrategicMergePatch.apply(
            Json.of(DEPLOYMENT_SPEC),
            Json.of("{'containers':[{'name':'agent','image':'agent:2'}]}"));

    assertThat(result)
        .isEqualTo(
            Json.of(
                "{'containers':[{'name':'op','image':'op:1','ports':[{'containerPort':8080}]},"
                    + "{'name':'agent','image':'agent:2'}]}"));
  }

  @Test
  void patchDeleteDirectiveRemovesTheListElement() {
    var result =
        StrategicMergePatch.apply(
            Json.of(DEPLOYMENT_SPEC),
            Json.of("{'containers':[{'name':'agent','$patch':'delete'}]}"));

    assertThat(result.get("containers")).hasSize(1);
    assertThat(result.at("/containers/0/name").asText()).isEqualTo("op");
  }

  @Test
  void setElementOrderDecidesTheOrderOfMergedElements() {
    var result =
        StrategicMergePatch.apply(
            Json.of(DEPLOYMENT_SPEC),
            Json.of("{'$setElementOrder/containers':[{'name':'agent'},{'name':'op'}]}"));

    assertThat(result.at("/containers/0/name").asText()).isEqualTo("agent");
    assertThat(result.at("/containers/1/name").asText()).isEqualTo("op");
  }

  @Test
  void directivesAreNeverStored() {
    var result =
        StrategicMergePatch.apply(
            Json.of("{}"),
            Json.of(
                "{'$retainKeys':['a'],'spec':{'$setElementOrder/containers':[{'name':'x'}],"
                    + "'containers':[{'name':'x','$patch':'merge'}]}}"));

    assertThat(result).isEqualTo(Json.of("{'spec':{'containers':[{'name':'x'}]}}"));
  }

  @Test
  void listsWithoutAMergeKeyAreReplaced() {
    var result =
        StrategicMergePatch.apply(Json.of("{'args':['a','b']}"), Json.of("{'args':['c']}"));

    assertThat(result).isEqualTo(Json.of("{'args':['c']}"));
  }

  @Test
  void nullRemovesAField() {
    var result = StrategicMergePatch.apply(Json.of("{'a':1,'b':2}"), Json.of("{'a':null}"));

    assertThat(result).isEqualTo(Json.of("{'b':2}"));
  }

  @Test
  void deleteFromPrimitiveListRemovesTheGivenValues() {
    var result =
        StrategicMergePatch.apply(
            Json.of("{'finalizers':['a','b','c']}"),
            Json.of("{'$deleteFromPrimitiveList/finalizers':['b']}"));

    assertThat(result).isEqualTo(Json.of("{'finalizers':['a','c']}"));
  }

  @Test
  void patchReplaceDirectiveReplacesTheMap() {
    var result =
        StrategicMergePatch.apply(
            Json.of("{'labels':{'a':'1','b':'2'}}"),
            Json.of("{'labels':{'$patch':'replace','c':'3'}}"));

    assertThat(result).isEqualTo(Json.of("{'labels':{'c':'3'}}"));
  }
}
