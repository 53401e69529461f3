package io.openshell.policy.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Gateway-global settings (§5.1, §5.6).
 *
 * @param providersV2Enabled provider layers are composed only when true (default false)
 * @param globalPolicy when present, replaces every sandbox's policy and suppresses layers
 * @param generation a version of these settings, copied into the ConfigMap metadata
 */
public record Settings(
    boolean providersV2Enabled, Optional<SandboxPolicy> globalPolicy, long generation) {
  public static final Settings DEFAULTS = new Settings(false, Optional.empty(), 0);

  public Settings {
    Objects.requireNonNull(globalPolicy, "globalPolicy");
  }
}
