package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import org.junit.jupiter.api.Test;

class RequestCounterTest {
  @Test
  void requestsAreCountedByKubernetesVerbAndResource() {
    RequestCounter c = new RequestCounter();
    c.count(HttpMethod.PUT, "/apis/openshell.io/v1alpha1/namespaces/d/sandboxes/a/status");
    c.count(HttpMethod.PUT, "/api/v1/namespaces/d/configmaps/cm");
    c.count(HttpMethod.GET, "/api/v1/namespaces/d/configmaps?labelSelector=x");
    c.count(HttpMethod.GET, "/api/v1/namespaces/d/configmaps?watch=true");
    c.count(HttpMethod.GET, "/api/v1/namespaces/d/configmaps/cm");
    c.count(HttpMethod.GET, "/api/v1/namespaces/d/configmaps/cm");
    c.count(HttpMethod.POST, "/api/v1/namespaces/d/events");
    c.count(HttpMethod.GET, "/version");

    assertThat(c.snapshot())
        .containsEntry(new RequestKind("update", "sandboxes/status"), 1L)
        .containsEntry(new RequestKind("update", "configmaps"), 1L)
        .containsEntry(new RequestKind("list", "configmaps"), 1L)
        .containsEntry(new RequestKind("watch", "configmaps"), 1L)
        .containsEntry(new RequestKind("get", "configmaps"), 2L)
        .containsEntry(new RequestKind("create", "events"), 1L)
        .containsEntry(new RequestKind("get", ""), 1L)
        .hasSize(7);
  }

  @Test
  void onlyCreateUpdatePatchAndDeleteAreWrites() {
    assertThat(new RequestKind("patch", "sandboxes").isWrite()).isTrue();
    assertThat(new RequestKind("delete", "sandboxes").isWrite()).isTrue();
    assertThat(new RequestKind("get", "sandboxes").isWrite()).isFalse();
    assertThat(new RequestKind("watch", "sandboxes").isWrite()).isFalse();
  }
}
