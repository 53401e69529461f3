package io.openshell.policy.model;

/**
 * {@code landlock}: how strictly Landlock must be available.
 *
 * @param compatibility {@code best_effort} (OpenShell's default) or {@code hard_requirement}
 */
public record LandlockPolicy(String compatibility) {
  public LandlockPolicy {
    compatibility = Checks.str(compatibility, "compatibility");
  }
}
