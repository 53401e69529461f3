package io.openshell.operator.webhook;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.resolve.SandboxResolutionRules;
import io.openshell.testsupport.RuleTableApiServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The webhook's lookups (API reads per review) run the resolver's rule table: the objects of each
 * case are written to a development API server and read back through {@link
 * ClientAdmissionLookups}, so the webhook resolves exactly as the in-memory table says.
 */
class ClientAdmissionLookupsIT extends SandboxResolutionRules {
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
    return new ClientAdmissionLookups(server.client());
  }
}
