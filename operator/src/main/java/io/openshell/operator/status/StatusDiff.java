package io.openshell.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Decides whether a freshly built status differs from the stored one, by comparing their JSON trees
 * (what would be sent), so that an unchanged status causes no API write.
 */
public final class StatusDiff {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private StatusDiff() {}

  /** True when the two status objects serialise to the same JSON. */
  public static boolean same(Object stored, Object built) {
    return tree(stored).equals(tree(built));
  }

  private static JsonNode tree(Object o) {
    return o == null
        ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
        : JSON.convertValue(o, JsonNode.class);
  }
}
