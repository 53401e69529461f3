package io.openshell.operator.sandbox.pod;

import io.openshell.policy.logging.LogSettings;
import java.util.Objects;

/**
 * What the operator's configuration decides about the policy-agent sidecar of every sandbox pod.
 *
 * @param image the sidecar's image
 * @param logging its log format and level, rendered as its {@code OPENSHELL_LOG_FORMAT} and {@code
 *     OPENSHELL_LOG_LEVEL}
 */
public record AgentSidecar(String image, LogSettings logging) {
  public AgentSidecar {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(logging, "logging");
  }
}
