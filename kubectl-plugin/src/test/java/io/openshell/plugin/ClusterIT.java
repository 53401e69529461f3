package io.openshell.plugin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.openshell.devapi.DevApiServer;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the plugin's integration tests: a fresh {@link DevApiServer} per test with the operator's
 * CRDs installed, a client on it, the plugin runner and fixtures.
 */
abstract class ClusterIT {
  static final String[] CRDS = {
    "providerprofiles.openshell.io-v1.yml",
    "providers.openshell.io-v1.yml",
    "sandboxes.openshell.io-v1.yml",
    "openshellsettings.openshell.io-v1.yml"
  };

  DevApiServer server;
  KubernetesClient client;
  Cli cli;
  Fixtures fx;

  @BeforeEach
  void startCluster() throws Exception {
    server = DevApiServer.start(0);
    for (String crd : CRDS) {
      try (InputStream in = ClusterIT.class.getResourceAsStream("/META-INF/fabric8/" + crd)) {
        if (in == null) {
          throw new IllegalStateException("CRD " + crd + " not on the test classpath");
        }
        server.installCrds(in);
      }
    }
    client = server.newClient();
    cli = new Cli(client);
    fx = new Fixtures(client);
  }

  @AfterEach
  void stopCluster() {
    client.close();
    server.close();
  }
}
