package io.openshell.devapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed Kubernetes REST path ({@code /api/v1/namespaces/ns/configmaps/name/status}), query
 * string removed.
 *
 * @param group API group, empty for the core group
 * @param version API version
 * @param namespace namespace, empty for cluster-scoped paths
 * @param plural resource plural
 * @param name object name, empty for collection paths
 * @param subresource subresource ({@code status}, {@code scale}), empty if none
 */
record ResourcePath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource) {

  // `/api/v1/namespaces/<name>/<x>`: these are subresources of a namespace, not a namespaced
  // plural.
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** Parses a resource path; empty for discovery and other non-resource paths. */
  static Optional<ResourcePath> parse(String pathWithQuery) {
    String path = stripQuery(pathWithQuery);
    List<String> segments =
        new ArrayList<>(Arrays.asList(path.replaceAll("^/+|/+$", "").split("/")));
    String group;
    String version;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      segments = segments.subList(2, segments.size());
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      segments = segments.subList(3, segments.size());
    } else {
      return Optional.empty();
    }
    String namespace = "";
    boolean namespaceSubresource =
        segments.size() == 3
            && segments.get(0).equals("namespaces")
            && NAMESPACE_SUBRESOURCES.contains(segments.get(2));
    if (segments.size() >= 3 && segments.get(0).equals("namespaces") && !namespaceSubresource) {
      namespace = segments.get(1);
      segments = segments.subList(2, segments.size());
    }
    if (segments.isEmpty() || segments.size() > 3) {
      return Optional.empty();
    }
    return Optional.of(
        new ResourcePath(
            group,
            version,
            namespace,
            segments.get(0),
            segments.size() > 1 ? segments.get(1) : "",
            segments.size() > 2 ? segments.get(2) : ""));
  }

  static String stripQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** The collection path objects of this resource are created under (POST target). */
  String collectionPath() {
    StringBuilder sb =
        new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
    if (!namespace.isEmpty()) {
      sb.append("/namespaces/").append(namespace);
    }
    return sb.append('/').append(plural).toString();
  }

  /**
   * {@code configmaps} for the core group, {@code sandboxes.openshell.io} otherwise (API texts).
   */
  String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
