package io.openshell.agent;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * Mock API servers started by hand (plain HTTP on loopback), for tests that stop and restart them.
 */
final class MockServers {
  private MockServers() {}

  /**
   * A CRUD mock on {@code 127.0.0.1:port} (0 = any free port) serving {@code store}. Sharing one
   * store between successive servers keeps the data across a "restart".
   */
  // Serialization.jsonMapper() is deprecated, but it is what fabric8's own mock extension uses to
  // build this Context; no public replacement exists in 7.5.2.
  @SuppressWarnings("deprecation")
  static KubernetesMockServer start(int port, KubernetesCrudDispatcher store) throws IOException {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            store,
            false);
    server.init(InetAddress.getByName("127.0.0.1"), port);
    return server;
  }
}
