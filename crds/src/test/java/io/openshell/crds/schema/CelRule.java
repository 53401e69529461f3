package io.openshell.crds.schema;

/**
 * One {@code x-kubernetes-validations} entry found in a CRD schema.
 *
 * @param kind the CRD's kind
 * @param path the schema location, as a data path ({@code .spec.providers}, {@code []} for list
 *     items, {@code {}} for map values)
 * @param rule the CEL expression
 * @param message the static message
 * @param messageExpression the CEL message expression, or empty
 */
record CelRule(String kind, String path, String rule, String message, String messageExpression) {
  boolean isTransitionRule() {
    return rule.contains("oldSelf");
  }
}
