package io.openshell.plugin.kube;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes client's JSON mapping (its modules and inclusion rules), for converting between
 * generic maps, trees and typed resources. Replaces the deprecated {@code
 * Serialization.jsonMapper()}.
 */
public final class KubeJson {
  private KubeJson() {}

  /** Shared: a {@link KubernetesSerialization} is thread-safe once built. */
  public static final KubernetesSerialization MAPPING = new KubernetesSerialization();
}
