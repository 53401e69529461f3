package io.openshell.plugin.kube;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The plugin's JSON mapping ({@link PluginSerialization}): the one its Kubernetes client reads and
 * writes with, also used for converting between generic maps, trees and typed resources and for
 * {@code -o yaml|json}. One instance, so its set-up and Jackson's caches are paid once per command.
 */
public final class KubeJson {
  private KubeJson() {}

  /** Shared: a {@link KubernetesSerialization} is thread-safe once built. */
  public static final KubernetesSerialization MAPPING = PluginSerialization.create();
}
