package io.openshell.devapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.junit.LocallyRunOperatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JOSDK's {@code LocallyRunOperatorExtension} works against the dev API server: it creates its test
 * namespace by server-side apply, which the stock mock answers with 404.
 */
class LocallyRunOperatorIT {

  private static final DevApiServer SERVER = DevApiServer.start(0);
  private static final KubernetesClient CLIENT = SERVER.newClient();

  // Registered first so that it runs last, after the operator extension cleaned up.
  @RegisterExtension
  @Order(0)
  static final AfterAllCallback CLOSE_SERVER =
      context -> {
        CLIENT.close();
        SERVER.close();
      };

  @RegisterExtension
  @Order(1)
  static final LocallyRunOperatorExtension OPERATOR =
      LocallyRunOperatorExtension.builder()
          .withKubernetesClient(CLIENT)
          .withReconciler(new EchoReconciler())
          .waitForNamespaceDeletion(false)
          .oneNamespacePerClass(true)
          .withConfigurationService(
              o ->
                  o.withCloseClientOnStop(false)
                      .withUseSSAToPatchPrimaryResource(false)
                      .withSSABasedCreateUpdateMatchForDependentResources(false))
          .build();

  /** Copies every ConfigMap to {@code <name>-echo}. */
  @ControllerConfiguration
  static class EchoReconciler implements Reconciler<ConfigMap> {
    @Override
    public UpdateControl<ConfigMap> reconcile(ConfigMap configMap, Context<ConfigMap> context) {
      String name = configMap.getMetadata().getName();
      if (!name.endsWith("-echo")) {
        context
            .getClient()
            .configMaps()
            .inNamespace(configMap.getMetadata().getNamespace())
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(name + "-echo")
                    .endMetadata()
                    .withData(configMap.getData())
                    .build())
            .createOr(NonDeletingOperation::update);
      }
      return UpdateControl.noUpdate();
    }
  }

  @Test
  void theExtensionsTestNamespaceExists() {
    assertThat(CLIENT.namespaces().withName(OPERATOR.getNamespace()).get()).isNotNull();
  }

  @Test
  void aReconcilerRunsAgainstTheDevApiServer() {
    OPERATOR.create(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("hello")
            .endMetadata()
            .withData(Map.of("greeting", "hi"))
            .build());

    // A bound against a hang, not a speed assertion.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(OPERATOR.get(ConfigMap.class, "hello-echo"))
                    .extracting(ConfigMap::getData)
                    .isEqualTo(Map.of("greeting", "hi")));
  }
}
