package io.openshell.plugin.profile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.lint.LintContext;
import io.openshell.policy.lint.ProfileLint;
import java.util.Set;
import java.util.TreeSet;

/** Shared profile look-ups: request-id normalisation, the lint context of the cluster. */
final class Profiles {
  private Profiles() {}

  /**
   * A request id as OpenShell normalises it (trimmed, lower-cased, canonical), or a refusal with
   * OpenShell's {@code INVALID_ARGUMENT} text.
   */
  static String requestId(String raw, String what) {
    if (raw.isBlank()) {
      throw new Refused(what, "id is required");
    }
    return ProfileLint.normalizeId(raw)
        .orElseThrow(
            () ->
                new Refused(what, "id must be lowercase kebab-case using only a-z, 0-9, and '-'"));
  }

  /** Built-in ids and the custom profile ids stored in the cluster. */
  static LintContext lintContext(Cluster cluster) {
    Set<String> custom = new TreeSet<>();
    for (GenericKubernetesResource p : cluster.profiles()) {
      if (!Resolver.isBuiltin(p)) {
        custom.add(p.getMetadata().getName());
      }
    }
    return LintContext.of(Set.copyOf(BuiltinProfiles.ids()), custom);
  }
}
