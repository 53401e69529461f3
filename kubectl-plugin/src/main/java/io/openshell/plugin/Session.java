package io.openshell.plugin;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.kube.ClientErrors;
import io.openshell.plugin.kube.ClosingJdkHttpClientFactory;
import io.openshell.plugin.kube.KubeJson;
import io.openshell.plugin.kube.PlainHttpTrust;
import io.openshell.plugin.kube.PluginSerialization;
import java.io.File;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * One command invocation's connection: the client built from kubectl's flags, and the namespace.
 */
public final class Session implements AutoCloseable {
  private final KubeOptions options;
  private final Function<KubeOptions, KubernetesClient> clientFactory;
  private final boolean closeClient;
  private final Clock clock;
  private KubernetesClient client;

  Session(
      KubeOptions options,
      Function<KubeOptions, KubernetesClient> clientFactory,
      boolean closeClient,
      Clock clock) {
    this.options = options;
    this.clientFactory = clientFactory;
    this.closeClient = closeClient;
    this.clock = clock;
  }

  /**
   * The kubeconfig-based factory; {@code http} builds its HTTP clients (the caller stops them when
   * the command is over).
   */
  static KubernetesClient fromKubeconfig(KubeOptions options, ClosingJdkHttpClientFactory http) {
    return newClient(kubeconfig(options), http);
  }

  /**
   * The CLI's factory: as {@link #fromKubeconfig}, and, since the process is the command's own,
   * without a trust store for a plain-HTTP server ({@link PlainHttpTrust}).
   */
  static KubernetesClient forCommandProcess(KubeOptions options, ClosingJdkHttpClientFactory http) {
    Config config = kubeconfig(options);
    PlainHttpTrust.apply(config, System.getProperties());
    StartupTrace.at("kubeconfig read");
    KubernetesClient client = newClient(config, http);
    StartupTrace.at("client built");
    return client;
  }

  /** The kubeconfig kubectl's flags select, checked as kubectl checks it. */
  static Config kubeconfig(KubeOptions options) {
    String context = options.context().orElse(null);
    Config config;
    try {
      config =
          options
              .kubeconfig()
              .map(f -> Config.fromKubeconfig(context, f))
              .orElseGet(() -> Config.autoConfigure(context));
    } catch (RuntimeException e) {
      throw new Refused(
          "error: cannot read kubeconfig " + kubeconfigName(options),
          ClientErrors.describe(e, Optional.empty()));
    }
    // fabric8 falls back to the current context for an unknown name; kubectl refuses, and so do we
    if (context != null
        && (config.getContexts() == null
            || config.getContexts().stream().noneMatch(c -> context.equals(c.getName())))) {
      throw new Refused(
          "error: context \"" + context + "\" does not exist", "check --context and --kubeconfig");
    }
    // a CLI should fail fast when the cluster is unreachable, as kubectl does, not back off for
    // minutes; 409s are handled by the commands themselves
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  /**
   * A client as the CLI makes it: {@code config}, HTTP clients from {@code http}, the plugin's
   * {@link PluginSerialization} ({@link KubeJson#MAPPING}).
   */
  public static KubernetesClient newClient(Config config, ClosingJdkHttpClientFactory http) {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(http)
        .withKubernetesSerialization(KubeJson.MAPPING)
        .build();
  }

  /** The file a kubeconfig error is about: {@code --kubeconfig}, else $KUBECONFIG, else default. */
  private static String kubeconfigName(KubeOptions options) {
    return options
        .kubeconfig()
        .map(File::getPath)
        .orElseGet(
            () -> {
              String env = System.getenv("KUBECONFIG");
              return env != null && !env.isBlank()
                  ? env
                  : System.getProperty("user.home") + "/.kube/config";
            });
  }

  /** The client, created on first use (so {@code --help} and {@code convert} need no cluster). */
  public synchronized KubernetesClient client() {
    if (client == null) {
      client = clientFactory.apply(options);
    }
    return client;
  }

  /** The API server's address, once a client exists (for error messages). */
  synchronized Optional<String> server() {
    return Optional.ofNullable(client).map(c -> c.getMasterUrl()).map(Object::toString);
  }

  /**
   * {@code -n} (checked when parsed), else the kubeconfig context's namespace (checked here), else
   * {@code default}.
   */
  public String namespace() {
    return options
        .namespace()
        .orElseGet(
            () -> {
              String ns = client().getNamespace();
              if (ns == null || ns.isBlank()) {
                return "default";
              }
              Names.namespaceProblem(ns)
                  .ifPresent(
                      p -> {
                        throw new Refused(
                            "error: the kubeconfig context's namespace is invalid", p);
                      });
              return ns;
            });
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized void close() {
    if (client != null && closeClient) {
      client.close();
    }
  }
}
