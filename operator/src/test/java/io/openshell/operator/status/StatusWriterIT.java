package io.openshell.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.CrdResources;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxSpec;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.devapi.DevApiServer;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatusWriterIT {
  private static DevApiServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    server = DevApiServer.start(0);
    for (String resource : CrdResources.PATHS) {
      server.installCrds(new ByteArrayInputStream(CrdResources.read(resource)));
    }
    client = server.newClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void aStatusWrittenFromAStaleCopyReplacesTheStoredStatusWholeInsteadOfMixingThem() {
    Sandbox created = client.resource(sandbox("mixed")).create();
    Sandbox stale = Serialization.clone(created);
    // The stored status moves on (an earlier write our cached copy has not seen yet).
    created.setStatus(status("sha256:old", condition("PolicyApplied", "False", "Pending")));
    Sandbox stored = StatusWriter.replace(client, created);
    // The next reconcile works from the stale copy: it must not be diffed against it.
    stale.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
    stale.setStatus(status("sha256:new", condition("PolicyApplied", "True", "Applied")));

    StatusWriter.replace(client, stale);

    SandboxStatus now =
        client.resources(Sandbox.class).inNamespace("default").withName("mixed").get().getStatus();
    assertThat(now.getAppliedPolicyHash()).isEqualTo("sha256:new");
    assertThat(now.getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("Applied");
            });
  }

  private static Sandbox sandbox(String name) {
    Sandbox s = new Sandbox();
    s.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    s.setSpec(new SandboxSpec());
    return s;
  }

  private static SandboxStatus status(String applied, Condition condition) {
    SandboxStatus s = new SandboxStatus();
    s.setAppliedPolicyHash(applied);
    s.setConditions(List.of(condition));
    return s;
  }

  private static Condition condition(String type, String status, String reason) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(reason)
        .withLastTransitionTime("2026-11-23T10:00:00Z")
        .build();
  }
}
