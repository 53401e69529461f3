package io.openshell.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.CrdResources;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.devapi.DevApiServer;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * A development API server that holds exactly the objects of one resolver rule case ({@code
 * SandboxResolutionRules}): the operator's webhook lookups and the plugin's lookups both read each
 * case back from here. Objects with a deletion timestamp are written and then deleted, so their
 * finalizer keeps them as a real API server would.
 */
public final class RuleTableApiServer implements AutoCloseable {
  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          Sandbox.class,
          Provider.class,
          Secret.class,
          ProviderProfile.class,
          OpenShellSettings.class);

  private final DevApiServer server;
  private final KubernetesClient client;

  private RuleTableApiServer(DevApiServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
  }

  /** Starts a server on a free port with the four CRDs and the given namespace. */
  public static RuleTableApiServer start(String namespace) {
    DevApiServer server = DevApiServer.start(0);
    for (String resource : CrdResources.PATHS) {
      server.installCrds(new ByteArrayInputStream(CrdResources.read(resource)));
    }
    KubernetesClient client = server.newClient();
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    return new RuleTableApiServer(server, client);
  }

  public KubernetesClient client() {
    return client;
  }

  /** Deletes every object of the five kinds, then writes {@code objects} as they were given. */
  public void replaceWith(List<HasMetadata> objects) {
    clear();
    for (HasMetadata object : objects) {
      HasMetadata copy = Serialization.clone(object);
      boolean deleting = copy.getMetadata().getDeletionTimestamp() != null;
      copy.getMetadata().setDeletionTimestamp(null);
      copy.getMetadata().setUid(null);
      copy.getMetadata().setResourceVersion(null);
      HasMetadata created = client.resource(copy).create();
      if (deleting) {
        // The finalizer keeps it, with a deletionTimestamp, as on a real API server.
        client.resource(created).delete();
        HasMetadata kept = client.resource(created).get();
        if (kept == null || kept.getMetadata().getDeletionTimestamp() == null) {
          throw new IllegalStateException(
              "the API server did not keep "
                  + created.getFullResourceName()
                  + " "
                  + created.getMetadata().getName()
                  + " while deleting");
        }
      }
    }
  }

  private void clear() {
    for (Class<? extends HasMetadata> kind : KINDS) {
      for (HasMetadata o : client.resources(kind).inAnyNamespace().list().getItems()) {
        if (o.getMetadata().getFinalizers() != null && !o.getMetadata().getFinalizers().isEmpty()) {
          o.getMetadata().setFinalizers(List.of());
          client.resource(o).update();
        }
        client.resource(o).delete();
      }
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
