package io.openshell.operator.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an AdmissionReview request the validator uses.
 *
 * @param resource plural resource name ({@code sandboxes})
 * @param operation {@code CREATE}, {@code UPDATE} or {@code DELETE}
 * @param namespace namespace of the object ({@code ""} for cluster-scoped kinds)
 * @param name object name
 * @param username the requesting user
 * @param object the new object as JSON-compatible value (absent on DELETE)
 * @param oldObject the stored object (absent on CREATE)
 */
public record AdmissionRequestView(
    String resource,
    String operation,
    String namespace,
    String name,
    String username,
    Optional<Object> object,
    Optional<Object> oldObject) {
  public AdmissionRequestView {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(operation, "operation");
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
    username = username == null ? "" : username;
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(oldObject, "oldObject");
  }
}
