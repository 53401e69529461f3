package io.openshell.plugin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.resolve.SandboxResolutionRules;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.testsupport.RuleTableApiServer;
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
  private static RuleTableApiServer server;

  @BeforeAll
  static void start() {
    server = RuleTableApiServer.start("team-a");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected SandboxLookups lookups(List<HasMetadata> objects) {
    server.replaceWith(objects);
    return new ClusterLookups(new Cluster(server.client()), Clock.systemUTC());
  }
}
