package io.openshell.operator.webhook;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.resolve.SandboxResolutionRules;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.devapi.DevApiServer;
import io.openshell.operator.EmbeddedMode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The webhook's lookups (API reads per review) run the resolver's rule table: the objects of each
 * case are written to a development API server and read back through {@link
 * ClientAdmissionLookups}, so the webhook resolves exactly as the in-memory table says.
 */
class ClientAdmissionLookupsIT extends SandboxResolutionRules {
  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          Sandbox.class,
          Provider.class,
          Secret.class,
          ProviderProfile.class,
          OpenShellSettings.class);

  private static DevApiServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    server = DevApiServer.start(0);
    for (String resource : EmbeddedMode.CRD_RESOURCES) {
      try (InputStream in =
          ClientAdmissionLookupsIT.class.getClassLoader().getResourceAsStream(resource)) {
        server.installCrds(in);
      }
    }
    client = server.newClient();
    Namespace ns =
        new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build();
    client.resource(ns).create();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Override
  protected SandboxLookups lookups(List<HasMetadata> objects) {
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
    return new ClientAdmissionLookups(client);
  }

  private static void clear() {
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
}
