package io.openshell.plugin;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The plugin's lookups (typed API reads) run the shared resolver's rule table: the objects of each
 * case are written to a development API server and read back through {@link ClusterLookups}, so the
 * plugin resolves exactly as the operator's in-memory table says (built-ins by name, profiles being
 * deleted left out, a missing or unlabelled Secret gives no keys, profileless types listed).
 */
class ClusterLookupsIT extends SandboxResolutionRules {
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
    for (String crd : ClusterIT.CRDS) {
      try (InputStream in =
          ClusterLookupsIT.class.getResourceAsStream("/META-INF/fabric8/" + crd)) {
        server.installCrds(in);
      }
    }
    client = server.newClient();
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
        .create();
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
        // the finalizer keeps it, with a deletionTimestamp, as on a real API server
        client.resource(created).delete();
      }
    }
    return new ClusterLookups(new Cluster(client), Clock.systemUTC());
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
