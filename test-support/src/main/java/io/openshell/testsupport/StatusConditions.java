package io.openshell.testsupport;

import io.fabric8.kubernetes.api.model.Condition;
import io.openshell.crds.v1alpha1.ObservedStatus;

/**
 * Reads the {@code metav1.Condition}s of an OpenShell status (Sandbox, Provider, Profile,
 * Settings).
 */
public final class StatusConditions {
  private StatusConditions() {}

  /** The condition of {@code type}; throws {@link java.util.NoSuchElementException} when absent. */
  public static Condition find(ObservedStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  /** The message of condition {@code type}; throws when absent. */
  public static String message(ObservedStatus status, String type) {
    return find(status, type).getMessage();
  }

  /** True when the status has condition {@code type} with {@code value} and {@code reason}. */
  public static boolean has(ObservedStatus status, String type, String value, String reason) {
    return status != null
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(
                c ->
                    type.equals(c.getType())
                        && value.equals(c.getStatus())
                        && reason.equals(c.getReason()));
  }
}
