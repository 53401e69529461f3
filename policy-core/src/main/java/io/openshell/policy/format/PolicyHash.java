package io.openshell.policy.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The policy hash carried in the ConfigMap annotation {@code openshell.io/policy-hash} and reported
 * back by the sidecar: {@code "sha256:"} followed by the lower-case hex SHA-256 of the UTF-8 bytes
 * of the canonical policy YAML ({@link PolicyYaml#write}).
 */
public final class PolicyHash {
  /** The prefix naming the algorithm. */
  public static final String PREFIX = "sha256:";

  private PolicyHash() {}

  /** {@code sha256:<hex>} of the UTF-8 bytes of {@code canonicalYaml}. */
  public static String of(String canonicalYaml) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return PREFIX
          + HexFormat.of().formatHex(digest.digest(canonicalYaml.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
