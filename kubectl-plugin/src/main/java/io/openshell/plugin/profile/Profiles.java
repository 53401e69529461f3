package io.openshell.plugin.profile;

import io.openshell.crds.resolve.ProfileCatalogs;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.plugin.kube.Cluster;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.lint.LintContext;
import java.util.Set;
import java.util.TreeSet;

/** Shared profile look-ups: the lint context of the cluster. */
final class Profiles {
  private Profiles() {}

  /** Built-in ids and the custom profile ids stored in the cluster. */
  static LintContext lintContext(Cluster cluster) {
    Set<String> custom = new TreeSet<>();
    for (ProviderProfile p : cluster.profiles()) {
      if (!ProfileCatalogs.isBuiltin(p)) {
        custom.add(p.getMetadata().getName());
      }
    }
    return LintContext.of(Set.copyOf(BuiltinProfiles.ids()), custom);
  }
}
