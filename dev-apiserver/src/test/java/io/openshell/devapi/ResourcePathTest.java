package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcePathTest {

  @Test
  void namespacedCustomResourceStatusPathIsParsedWithoutItsQuery() {
    assertThat(
            ResourcePath.parse(
                "/apis/openshell.io/v1alpha1/namespaces/team/sandboxes/demo/status?fieldManager=x"))
        .contains(
            new ResourcePath("openshell.io", "v1alpha1", "team", "sandboxes", "demo", "status"));
  }

  @Test
  void aNamespaceObjectIsAClusterScopedResourceNamedLikeThePathSegment() {
    assertThat(ResourcePath.parse("/api/v1/namespaces/team"))
        .contains(new ResourcePath("", "v1", "", "namespaces", "team", ""));
  }

  @Test
  void aNamespaceStatusIsASubresourceNotANamespacedPlural() {
    assertThat(ResourcePath.parse("/api/v1/namespaces/team/status"))
        .contains(new ResourcePath("", "v1", "", "namespaces", "team", "status"));
  }

  @Test
  void namespacedCollectionPathHasNoName() {
    assertThat(ResourcePath.parse("/api/v1/namespaces/team/configmaps"))
        .contains(new ResourcePath("", "v1", "team", "configmaps", "", ""));
  }

  @Test
  void discoveryPathsAreNotResourcePaths() {
    assertThat(ResourcePath.parse("/apis/apps/v1")).isEmpty();
    assertThat(ResourcePath.parse("/version")).isEmpty();
  }

  @Test
  void collectionPathIsWhereAnObjectIsCreated() {
    assertThat(
            ResourcePath.parse("/apis/apps/v1/namespaces/team/deployments/op")
                .orElseThrow()
                .collectionPath())
        .isEqualTo("/apis/apps/v1/namespaces/team/deployments");
  }

  @Test
  void qualifiedResourceAddsTheGroupOutsideTheCoreGroup() {
    assertThat(ResourcePath.parse("/api/v1/configmaps/x").orElseThrow().qualifiedResource())
        .isEqualTo("configmaps");
    assertThat(
            ResourcePath.parse("/apis/openshell.io/v1alpha1/providerprofiles/x")
                .orElseThrow()
                .qualifiedResource())
        .isEqualTo("providerprofiles.openshell.io");
  }
}
