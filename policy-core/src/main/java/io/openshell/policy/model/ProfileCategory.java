package io.openshell.policy.model;

import java.util.Locale;
import java.util.Optional;

/** Provider profile categories (§2.3), in OpenShell's enum order (used to group listings). */
public enum ProfileCategory {
  OTHER("other"),
  INFERENCE("inference"),
  AGENT("agent"),
  SOURCE_CONTROL("source_control"),
  MESSAGING("messaging"),
  DATA("data"),
  KNOWLEDGE("knowledge");

  private final String yamlName;

  ProfileCategory(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name OpenShell writes ({@code source_control}). */
  public String yamlName() {
    return yamlName;
  }

  /**
   * Parses a category as OpenShell does: trimmed, lower-cased, {@code -} read as {@code _}; empty
   * means {@link #OTHER}.
   */
  public static Optional<ProfileCategory> parse(String raw) {
    String v = raw.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    if (v.isEmpty()) {
      return Optional.of(OTHER);
    }
    for (ProfileCategory c : values()) {
      if (c.yamlName.equals(v)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
