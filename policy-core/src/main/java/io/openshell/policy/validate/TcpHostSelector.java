package io.openshell.policy.validate;

import java.util.Optional;

/**
 * Whether an explicit-tcp host selector can name hosts that policy DNS resolves (§1.6). Wildcards
 * are replaced by a representative label before the DNS-name check, because the selector itself is
 * not a concrete name.
 */
final class TcpHostSelector {
  private TcpHostSelector() {}

  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 253;

  /** The reason the selector is unusable, or empty when it is a valid DNS host selector. */
  static Optional<String> problem(String host) {
    if (!RustText.trim(host).equals(host)) {
      return Optional.of("leading or trailing whitespace is not allowed");
    }
    if (host.endsWith(".")) {
      return Optional.of("omit the trailing DNS root dot");
    }
    Optional<String> pattern = hostPatternProblem(host);
    if (pattern.isPresent()) {
      return pattern;
    }
    StringBuilder representative = new StringBuilder();
    for (String label : host.split("\\.", -1)) {
      if (representative.length() > 0) {
        representative.append('.');
      }
      representative.append(label.equals("**") ? "x" : label.replace('*', 'x'));
    }
    String name = representative.toString();
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty()) {
        return invalid("empty label");
      }
      if (label.length() > MAX_LABEL) {
        return invalid("label exceeds 63 characters");
      }
      if (!label
          .chars()
          .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
        return invalid("label '" + label + "' contains characters outside [A-Za-z0-9-_]");
      }
    }
    if (name.length() > MAX_NAME) {
      return invalid("name exceeds 253 characters");
    }
    return Optional.empty();
  }

  /**
   * {@code HostPattern::new} (host_pattern.rs:91-111), which runs before the DNS-name check
   * (lib.rs:1738): empty, whitespace, brace alternates, empty labels, in that order.
   */
  static Optional<String> hostPatternProblem(String host) {
    if (host.isEmpty()) {
      return Optional.of("host pattern must not be empty");
    }
    if (host.codePoints().anyMatch(RustText::isWhitespace)) {
      return Optional.of("host pattern must not contain whitespace");
    }
    if (host.indexOf('{') >= 0 || host.indexOf('}') >= 0) {
      return Optional.of(
          "host pattern must not contain brace alternates; list each host pattern separately");
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty()) {
        return Optional.of("host pattern must not contain empty DNS labels");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> invalid(String detail) {
    return Optional.of("selector cannot represent a valid DNS name: " + detail);
  }
}
