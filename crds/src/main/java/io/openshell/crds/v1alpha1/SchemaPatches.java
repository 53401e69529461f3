package io.openshell.crds.v1alpha1;

/**
 * Schema fragments merged into generated schemas with fabric8's {@code SchemaCustomizer} (JSON
 * merge patch on the class's schema), for the structural-schema extensions and enums that have no
 * dedicated generator annotation.
 */
final class SchemaPatches {
  private SchemaPatches() {}

  /** {@code conditions} of every status: a map-list keyed by {@code type} (metav1.Condition). */
  static final String STATUS =
      """
      {"properties": {"conditions": {
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": ["type"],
        "items": {"required": ["type", "status"]}}}}
      """;
}
