package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {

  private static CustomResourceDefinition crd(String file) {
    try (InputStream in = DiscoveryDocumentsTest.class.getResourceAsStream("/crds/" + file)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static APIResource resource(DiscoveryDocuments docs, String gv, String name) {
    String[] parts = gv.contains("/") ? gv.split("/") : new String[] {"", gv};
    return docs.resources(parts[0], parts[1]).orElseThrow().getResources().stream()
        .filter(r -> r.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aNamespacedCrdIsAdvertisedWithItsShortNamesAndCategories() {
    var docs = new DiscoveryDocuments(List.of(crd("sandboxes.openshell.io-v1.yml")));

    APIResource sandboxes = resource(docs, "openshell.io/v1alpha1", "sandboxes");

    assertThat(sandboxes.getNamespaced()).isTrue();
    assertThat(sandboxes.getKind()).isEqualTo("Sandbox");
    assertThat(sandboxes.getSingularName()).isEqualTo("sandbox");
    assertThat(sandboxes.getShortNames()).containsExactly("sbx");
    assertThat(sandboxes.getCategories()).containsExactly("openshell");
    assertThat(sandboxes.getVerbs()).contains("get", "list", "watch", "create", "patch", "delete");
  }

  @Test
  void aClusterScopedCrdIsAdvertisedAsNotNamespaced() {
    var docs = new DiscoveryDocuments(List.of(crd("providerprofiles.openshell.io-v1.yml")));

    assertThat(resource(docs, "openshell.io/v1alpha1", "providerprofiles").getNamespaced())
        .isFalse();
  }

  @Test
  void aCrdStatusSubresourceIsAdvertised() {
    var docs = new DiscoveryDocuments(List.of(crd("sandboxes.openshell.io-v1.yml")));

    assertThat(resource(docs, "openshell.io/v1alpha1", "sandboxes/status").getVerbs())
        .containsExactly("get", "patch", "update");
  }

  @Test
  void theStorageVersionIsTheGroupsPreferredVersion() {
    CustomResourceDefinition crd = crd("sandboxes.openshell.io-v1.yml");
    var v1alpha1 = crd.getSpec().getVersions().get(0);
    var v1beta1 =
        new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder(
                v1alpha1)
            .withName("v1beta1")
            .withStorage(false)
            .build();
    crd.getSpec().setVersions(List.of(v1beta1, v1alpha1));

    var group = new DiscoveryDocuments(List.of(crd)).group("openshell.io").orElseThrow();

    assertThat(group.getPreferredVersion().getVersion()).isEqualTo("v1alpha1");
    assertThat(group.getVersions())
        .extracting(GroupVersionForDiscovery::getVersion)
        .containsExactly("v1alpha1", "v1beta1");
  }

  @Test
  void theBuiltInGroupsTheChartUsesAreListed() {
    var groups = new DiscoveryDocuments(List.of()).groups().getGroups();

    assertThat(groups)
        .extracting(g -> g.getName())
        .contains(
            "apps",
            "rbac.authorization.k8s.io",
            "coordination.k8s.io",
            "apiextensions.k8s.io",
            "admissionregistration.k8s.io",
            "policy",
            "networking.k8s.io",
            "events.k8s.io");
  }

  @Test
  void coreV1ListsTheResourcesTheOperatorUses() {
    var names =
        new DiscoveryDocuments(List.of())
            .resources("", "v1").orElseThrow().getResources().stream()
                .map(APIResource::getName)
                .toList();

    assertThat(names)
        .contains(
            "namespaces", "configmaps", "secrets", "pods", "serviceaccounts", "events", "services");
  }

  @Test
  void namespacesAreClusterScoped() {
    assertThat(resource(new DiscoveryDocuments(List.of()), "v1", "namespaces").getNamespaced())
        .isFalse();
  }

  @Test
  void anUnknownGroupVersionHasNoDocument() {
    assertThat(new DiscoveryDocuments(List.of()).resources("openshell.io", "v1alpha1")).isEmpty();
  }
}
