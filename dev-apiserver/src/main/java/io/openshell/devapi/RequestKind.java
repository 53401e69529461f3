package io.openshell.devapi;

import java.util.Set;

/**
 * One kind of API request as the server counts it: the Kubernetes verb and the resource.
 *
 * @param verb {@code get}, {@code list}, {@code watch}, {@code create}, {@code update}, {@code
 *     patch}, {@code delete}; {@code get} for non-resource paths (discovery, health)
 * @param resource the plural, with {@code /<subresource>} when one is addressed ({@code
 *     sandboxes/status}); empty for non-resource paths
 */
public record RequestKind(String verb, String resource) {
  private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete");

  /** True for the verbs that change the store. */
  public boolean isWrite() {
    return WRITES.contains(verb);
  }

  @Override
  public String toString() {
    return resource.isEmpty() ? verb : verb + " " + resource;
  }
}
