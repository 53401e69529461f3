package io.openshell.policy.validate;

import java.util.Objects;

/**
 * One L7 semantic problem of an endpoint: OpenShell's bare reason text and where it is, relative to
 * the endpoint ({@code ""} for the endpoint itself, else for example {@code rules[0].allow.tool}).
 * Profile lint reports it under {@code endpoints[{i}]...}; policy validation wraps the reason as
 * "network policy '{name}': endpoint {i} has invalid L7 configuration: {reason}".
 *
 * @param subField path below the endpoint, or {@code ""}
 * @param reason OpenShell's exact reason text
 */
public record L7Finding(String subField, String reason) {
  public L7Finding {
    Objects.requireNonNull(subField, "subField");
    Objects.requireNonNull(reason, "reason");
  }

  static L7Finding here(String reason) {
    return new L7Finding("", reason);
  }

  /** The full field path under an endpoint path such as {@code endpoints[2]}. */
  public String fieldUnder(String endpointPath) {
    return subField.isEmpty() ? endpointPath : endpointPath + "." + subField;
  }
}
