package io.openshell.policy.match;

import java.util.Objects;

/**
 * One request selector a dynamic token grant answers for (§6.3).
 *
 * @param provider provider instance name
 * @param credential profile credential name
 * @param host host selector, lower-cased
 * @param port one effective port
 * @param path path selector as authored
 * @param overrideIndex index of the audience override it came from, {@code -1} for the endpoint
 *     itself
 * @param score match specificity: {@link #hostSpecificity(String)} + {@link
 *     EndpointPath#specificity(String)}
 */
public record TokenGrantBinding(
    String provider,
    String credential,
    String host,
    int port,
    String path,
    int overrideIndex,
    long score) {
  public TokenGrantBinding {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Host selector specificity (§6.3): {@code 100000 − 10000·(number of '*') + 100·(non-empty
   * labels) + (characters other than '*')}, never below zero.
   */
  public static long hostSpecificity(String host) {
    long stars = 0;
    long literal = 0;
    for (int i = 0; i < host.length(); i++) {
      if (host.charAt(i) == '*') {
        stars++;
      } else {
        literal++;
      }
    }
    long labels = 0;
    for (String label : host.split("\\.", -1)) {
      if (!label.isEmpty()) {
        labels++;
      }
    }
    return Math.max(0, 100_000L - stars * 10_000L) + labels * 100L + literal;
  }

  /** Whether this selector and {@code other} (of another credential) answer the same request. */
  public boolean conflictsWith(TokenGrantBinding other) {
    return port == other.port
        && score == other.score
        && HostGlob.labelsCanOverlap(host, other.host)
        && EndpointPath.canOverlap(path, other.path);
  }

  /** True when both bindings belong to the same provider credential. */
  public boolean sameCredential(TokenGrantBinding other) {
    return provider.equals(other.provider) && credential.equals(other.credential);
  }

  /** Equality ignoring the override index: OpenShell de-duplicates exact selector duplicates. */
  boolean sameSelector(TokenGrantBinding other) {
    return sameCredential(other)
        && host.equals(other.host)
        && port == other.port
        && path.equals(other.path)
        && score == other.score;
  }
}
