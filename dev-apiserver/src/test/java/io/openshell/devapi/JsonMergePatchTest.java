package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

  @Test
  void arraysAreReplacedNotAppended() {
    var result = JsonMergePatch.apply(Json.of("{'items':['a','b']}"), Json.of("{'items':['c']}"));

    assertThat(result).isEqualTo(Json.of("{'items':['c']}"));
  }

  @Test
  void nullDeletesAField() {
    var result =
        JsonMergePatch.apply(Json.of("{'spec':{'a':1,'b':2}}"), Json.of("{'spec':{'a':null}}"));

    assertThat(result).isEqualTo(Json.of("{'spec':{'b':2}}"));
  }

  @Test
  void nestedObjectsAreMerged() {
    var result =
        JsonMergePatch.apply(Json.of("{'spec':{'a':1}}"), Json.of("{'spec':{'b':2},'x':true}"));

    assertThat(result).isEqualTo(Json.of("{'spec':{'a':1,'b':2},'x':true}"));
  }

  @Test
  void topLevelOperationsAddChangedFieldsAndRemoveMissingOnes() {
    var operations =
        JsonMergePatch.topLevelOperations(
            Json.of("{'kind':'X','spec':{'a':1},'status':{}}"),
            Json.of("{'kind':'X','spec':{'a':2},'data/x':1}"));

    assertThat(operations)
        .isEqualTo(
            Json.of(
                "[{'op':'add','path':'/spec','value':{'a':2}},"
                    + "{'op':'remove','path':'/status'},"
                    + "{'op':'add','path':'/data~1x','value':1}]"));
  }
}
