package io.openshell.devapi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An in-memory development Kubernetes API server: the fabric8 CRUD mock behind a {@link
 * DiscoveryCrudDispatcher}, on {@code 127.0.0.1} over plain HTTP. Not for production: no
 * authentication, no validation, no garbage collection, state lost on exit.
 */
public final class DevApiServer implements AutoCloseable {

  /** The cluster, context and user name written to kubeconfig files. */
  public static final String KUBECONFIG_NAME = "openshell-dev";

  private static final String HOST = "127.0.0.1";

  // The mock web server logs every request at INFO through java.util.logging; held strongly
  // because java.util.logging forgets the level of a logger nobody references.
  private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final DiscoveryCrudDispatcher dispatcher;
  private final KubernetesClient adminClient;

  private DevApiServer(KubernetesMockServer server, DiscoveryCrudDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.adminClient = newClient();
  }

  /**
   * Starts a server on {@code 127.0.0.1:port} (0 picks a free port) with the namespaces {@code
   * default} and {@code kube-system} present, as on a fresh cluster.
   */
  public static DevApiServer start(int port) {
    return start(port, true);
  }

  /**
   * As {@link #start(int)}; {@code indexedStore = false} makes single-object requests scan the
   * whole store as the plain mock does (only to measure what the index saves).
   */
  public static DevApiServer start(int port, boolean indexedStore) {
    DiscoveryCrudDispatcher dispatcher = new DiscoveryCrudDispatcher(indexedStore);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            false);
    try {
      server.init(InetAddress.getByName(HOST), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve " + HOST, e);
    }
    dispatcher.setServerAddress(HOST + ":" + server.getPort());
    DevApiServer devApiServer = new DevApiServer(server, dispatcher);
    try {
      for (String namespace : List.of("default", "kube-system")) {
        devApiServer
            .adminClient
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
      }
    } catch (RuntimeException e) {
      devApiServer.close();
      throw e;
    }
    return devApiServer;
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://" + HOST + ":" + port();
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** The requests received so far, by verb and resource. */
  public Map<RequestKind, Long> requestCounts() {
    return dispatcher.requestCounts();
  }

  /** The dispatcher holding the in-memory store. */
  public DiscoveryCrudDispatcher dispatcher() {
    return dispatcher;
  }

  /** Client configuration for this server (namespace {@code default}; ignores ~/.kube/config). */
  public Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withNamespace("default")
        .withHttp2Disable(true)
        .build();
  }

  /** A new fabric8 client for this server; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(clientConfig()).build();
  }

  /**
   * Writes a kubeconfig whose cluster, context and user are named {@value #KUBECONFIG_NAME},
   * pointing at {@link #url()} over plain HTTP without credentials, with namespace {@code default}.
   */
  public Path writeKubeconfig(Path file) {
    String kubeconfig =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: " + KUBECONFIG_NAME,
            "  cluster:",
            "    server: " + url(),
            "contexts:",
            "- name: " + KUBECONFIG_NAME,
            "  context:",
            "    cluster: " + KUBECONFIG_NAME,
            "    user: " + KUBECONFIG_NAME,
            "    namespace: default",
            "current-context: " + KUBECONFIG_NAME,
            "users:",
            "- name: " + KUBECONFIG_NAME,
            "  user: {}",
            "preferences: {}",
            "");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + file, e);
    }
  }

  /**
   * Creates (or replaces) every CustomResourceDefinition found in the {@code *.yaml} / {@code
   * *.yml} files of {@code directory} (not recursive, in file-name order; multi-document files and
   * non-CRD documents are fine, the latter are skipped).
   */
  public List<CustomResourceDefinition> installCrds(Path directory) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files =
          listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    List<CustomResourceDefinition> installed = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        installed.addAll(installCrds(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return installed;
  }

  /** Creates (or replaces) every CustomResourceDefinition in a YAML or JSON stream. */
  public List<CustomResourceDefinition> installCrds(InputStream yaml) {
    List<CustomResourceDefinition> installed = new ArrayList<>();
    for (HasMetadata item : adminClient.load(yaml).items()) {
      if (item instanceof CustomResourceDefinition crd) {
        crd.getMetadata().setResourceVersion(null);
        installed.add(adminClient.resource(crd).createOr(r -> r.update()));
      }
    }
    return installed;
  }

  @Override
  public void close() {
    adminClient.close();
    server.destroy();
  }
}
