package io.openshell.policy.lint;

/**
 * OpenShell's compare-and-set texts for a provider profile update: the file's {@code
 * resource_version} is stale ({@code grpc/provider.rs:2572}), or every retry of the write met a
 * concurrent change ({@code grpc/mod.rs:98}). The version printed is the stored one.
 */
public final class ProfileConcurrency {
  private ProfileConcurrency() {}

  /** "provider profile was modified concurrently (current resource_version: N)". */
  public static String stale(Long currentVersion) {
    return "provider profile was modified concurrently (current resource_version: "
        + currentVersion
        + ")";
  }

  /**
   * "update provider profile failed due to concurrent modification (current resource_version: N)".
   */
  public static String retriesExhausted(Long currentVersion) {
    return "update provider profile failed due to concurrent modification (current"
        + " resource_version: "
        + currentVersion
        + ")";
  }
}
