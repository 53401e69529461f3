package io.openshell.devapi;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the discovery documents ({@code /api}, {@code /api/v1}, {@code /apis}, {@code
 * /apis/<group>[/<version>]}) from the built-in types plus the CRDs currently stored.
 */
final class DiscoveryDocuments {

  private static final List<String> OBJECT_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  private final List<BuiltInResources.Type> types;
  // group -> preferred version, in the order groups are advertised
  private final Map<String, List<String>> groupVersions = new LinkedHashMap<>();

  DiscoveryDocuments(List<CustomResourceDefinition> crds) {
    List<BuiltInResources.Type> all = new ArrayList<>(BuiltInResources.ALL);
    for (BuiltInResources.Type t : BuiltInResources.ALL) {
      addVersion(t.group(), t.version());
    }
    crds.stream()
        .sorted(
            java.util.Comparator.comparing((CustomResourceDefinition c) -> c.getSpec().getGroup())
                .thenComparing(c -> c.getSpec().getNames().getPlural()))
        .forEach(
            crd -> {
              List<CustomResourceDefinitionVersion> served =
                  crd.getSpec().getVersions().stream()
                      .filter(v -> Boolean.TRUE.equals(v.getServed()))
                      .toList();
              // The storage version is the one clients should prefer, so it goes first.
              served.stream()
                  .filter(v -> Boolean.TRUE.equals(v.getStorage()))
                  .forEach(v -> addVersion(crd.getSpec().getGroup(), v.getName()));
              served.forEach(
                  v -> {
                    addVersion(crd.getSpec().getGroup(), v.getName());
                    all.add(fromCrd(crd, v));
                  });
            });
    this.types = List.copyOf(all);
  }

  private void addVersion(String group, String version) {
    List<String> versions = groupVersions.computeIfAbsent(group, g -> new ArrayList<>());
    if (!versions.contains(version)) {
      versions.add(version);
    }
  }

  private static BuiltInResources.Type fromCrd(
      CustomResourceDefinition crd, CustomResourceDefinitionVersion version) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    List<String> subresources = new ArrayList<>();
    if (version.getSubresources() != null) {
      if (version.getSubresources().getStatus() != null) {
        subresources.add("status");
      }
      if (version.getSubresources().getScale() != null) {
        subresources.add("scale");
      }
    }
    String singular =
        names.getSingular() == null || names.getSingular().isEmpty()
            ? names.getKind().toLowerCase(java.util.Locale.ROOT)
            : names.getSingular();
    return new BuiltInResources.Type(
        crd.getSpec().getGroup(),
        version.getName(),
        names.getPlural(),
        singular,
        names.getKind(),
        "Namespaced".equals(crd.getSpec().getScope()),
        Objects.requireNonNullElse(names.getShortNames(), List.of()),
        Objects.requireNonNullElse(names.getCategories(), List.of()),
        List.copyOf(subresources));
  }

  /** {@code GET /api}. */
  APIVersions coreVersions(String serverAddress) {
    return new APIVersionsBuilder()
        .withVersions("v1")
        .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress)
        .build();
  }

  /** {@code GET /apis}. */
  APIGroupList groups() {
    APIGroupListBuilder builder = new APIGroupListBuilder();
    groupVersions.keySet().stream()
        .filter(g -> !g.isEmpty())
        .forEach(g -> builder.addToGroups(group(g).orElseThrow()));
    return builder.build();
  }

  /** {@code GET /apis/<group>}. */
  Optional<APIGroup> group(String group) {
    List<String> versions = groupVersions.get(group);
    if (group.isEmpty() || versions == null) {
      return Optional.empty();
    }
    List<GroupVersionForDiscovery> gvs =
        versions.stream().map(v -> new GroupVersionForDiscovery(group + "/" + v, v)).toList();
    return Optional.of(
        new APIGroupBuilder()
            .withName(group)
            .withVersions(gvs)
            .withPreferredVersion(gvs.get(0))
            .build());
  }

  /** {@code GET /api/v1} (group empty) or {@code GET /apis/<group>/<version>}. */
  Optional<APIResourceList> resources(String group, String version) {
    List<String> versions = groupVersions.get(group);
    if (versions == null || !versions.contains(version)) {
      return Optional.empty();
    }
    List<APIResource> resources = new ArrayList<>();
    types.stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version))
        .forEach(
            t -> {
              resources.add(
                  new APIResourceBuilder()
                      .withName(t.plural())
                      .withSingularName(t.singular())
                      .withNamespaced(t.namespaced())
                      .withKind(t.kind())
                      .withVerbs(OBJECT_VERBS)
                      .withShortNames(t.shortNames().isEmpty() ? null : t.shortNames())
                      .withCategories(t.categories().isEmpty() ? null : t.categories())
                      .build());
              t.subresources()
                  .forEach(
                      sub ->
                          resources.add(
                              new APIResourceBuilder()
                                  .withName(t.plural() + "/" + sub)
                                  .withSingularName("")
                                  .withNamespaced(t.namespaced())
                                  .withKind(sub.equals("scale") ? "Scale" : t.kind())
                                  .withGroup(sub.equals("scale") ? "autoscaling" : null)
                                  .withVersion(sub.equals("scale") ? "v1" : null)
                                  .withVerbs(SUBRESOURCE_VERBS)
                                  .build()));
            });
    return Optional.of(
        new APIResourceListBuilder()
            .withGroupVersion(group.isEmpty() ? version : group + "/" + version)
            .withResources(resources)
            .build());
  }
}
