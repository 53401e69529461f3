package io.openshell.crds.v1alpha1;

/**
 * Schema stand-in for an embedded Kubernetes object whose full schema would make the CRD huge (a
 * PodTemplateSpec is about 500 KiB of OpenAPI): an object that keeps unknown fields. The API server
 * validates the Pod itself when the operator creates it.
 */
final class OpaqueObject {
  private OpaqueObject() {}
}
