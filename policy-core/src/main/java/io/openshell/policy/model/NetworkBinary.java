package io.openshell.policy.model;

/**
 * A binary a network rule applies to.
 *
 * @param path executable path glob ({@code *}, {@code **})
 * @param harness OpenShell's deprecated harness flag, kept only so files round-trip
 */
public record NetworkBinary(String path, boolean harness) {
  public NetworkBinary {
    path = Checks.str(path, "path");
  }

  public static NetworkBinary of(String path) {
    return new NetworkBinary(path, false);
  }
}
