package io.openshell.policy.model;

/**
 * {@code process}: the identity the sandboxed process runs as.
 *
 * @param runAsUser {@code sandbox} or a numeric UID in [1, 4294967294], {@code ""} when unset
 * @param runAsGroup {@code sandbox} or a numeric GID in [1, 4294967294], {@code ""} when unset
 */
public record ProcessPolicy(String runAsUser, String runAsGroup) {
  public ProcessPolicy {
    runAsUser = Checks.str(runAsUser, "runAsUser");
    runAsGroup = Checks.str(runAsGroup, "runAsGroup");
  }
}
