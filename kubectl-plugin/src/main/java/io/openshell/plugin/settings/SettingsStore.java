package io.openshell.plugin.settings;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.model.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Compare-and-set writes of {@code OpenShellSettings/cluster}: read (a missing object means
 * defaults), check the proposed settings, write with the read {@code resourceVersion} (or create),
 * and on a 409 start over.
 */
final class SettingsStore {
  static final int MAX_ATTEMPTS = 10;
  private final Cluster cluster;

  SettingsStore(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Applies {@code edit} to a copy of {@code spec}; {@code check} sees (current, proposed) and
   * throws {@link Refused} to stop. Returns the written object.
   */
  GenericKubernetesResource update(
      String what, Consumer<Map<String, Object>> edit, BiConsumer<Settings, Settings> check) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      GenericKubernetesResource current = cluster.settings().orElse(null);
      GenericKubernetesResource next = current == null ? empty() : Serialization.clone(current);
      @SuppressWarnings("unchecked")
      Map<String, Object> spec =
          (Map<String, Object>)
              next.getAdditionalProperties().computeIfAbsent("spec", k -> new LinkedHashMap<>());
      edit.accept(spec);
      Settings before = current == null ? Settings.DEFAULTS : Resolver.settingsOf(current);
      check.accept(before, Resolver.settingsOf(next));
      try {
        return current == null
            ? cluster.create(Kinds.SETTINGS, null, next)
            : cluster.update(Kinds.SETTINGS, null, next);
      } catch (KubernetesClientException e) {
        if (!Cluster.isConflict(e)) {
          throw e;
        }
      }
    }
    throw new Refused(
        what, "settings were modified by another operation; please retry the command");
  }

  private static GenericKubernetesResource empty() {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(Kinds.API_VERSION);
    r.setKind("OpenShellSettings");
    r.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(Kinds.SETTINGS_NAME)
            .build());
    return r;
  }
}
