package io.openshell.plugin.settings;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsSpec;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.model.Settings;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Compare-and-set writes of {@code OpenShellSettings/cluster}: read (a missing object means
 * defaults), check the proposed settings, write with the read {@code resourceVersion} (or create),
 * and on a 409 start over ({@link Cluster#compareAndSet}).
 */
final class SettingsStore {
  private final Cluster cluster;

  SettingsStore(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Applies {@code edit} to a copy of the spec; {@code check} sees (current, proposed) and throws
   * {@link Refused} to stop. Returns the written object.
   */
  OpenShellSettings update(
      String what, Consumer<OpenShellSettingsSpec> edit, BiConsumer<Settings, Settings> check) {
    return cluster
        .compareAndSet(
            OpenShellSettings.class,
            null,
            Kinds.SETTINGS_NAME,
            current -> {
              OpenShellSettings next = current == null ? empty() : current;
              if (next.getSpec() == null) {
                next.setSpec(new OpenShellSettingsSpec());
              }
              Settings before =
                  current == null
                      ? Settings.DEFAULTS
                      : ClusterLookups.settingsOf(Optional.of(current));
              edit.accept(next.getSpec());
              check.accept(before, ClusterLookups.settingsOf(Optional.of(next)));
              return next;
            },
            () ->
                new Refused(
                    what, "settings were modified by another operation; please retry the command"))
        .object();
  }

  private static OpenShellSettings empty() {
    OpenShellSettings r = new OpenShellSettings();
    r.setMetadata(new ObjectMetaBuilder().withName(Kinds.SETTINGS_NAME).build());
    return r;
  }
}
