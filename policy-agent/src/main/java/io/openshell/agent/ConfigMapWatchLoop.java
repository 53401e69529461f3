package io.openshell.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * List-then-watch of the one ConfigMap, forever. Every request carries {@code
 * fieldSelector=metadata.name=<name>} so a Role that grants get/list/watch on that resourceName
 * alone suffices. When the watch ends or fails, the loop waits (exponential backoff with jitter),
 * re-lists to resync, and watches again from the list's resourceVersion.
 */
final class ConfigMapWatchLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapWatchLoop.class);

  /** The watch's server-side timeout; a healthy server ends it then and the loop re-lists. */
  static final long WATCH_SECONDS = 60;

  private static final long WATCH_GRACE_SECONDS = 15;

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final PolicyApplier applier;
  private final AgentState state;
  private final Backoff backoff;
  private final CountDownLatch closeSignal = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closing;
  private volatile Watch watch;
  private volatile CompletableFuture<WatcherException> watchEnded;

  ConfigMapWatchLoop(
      KubernetesClient client,
      String namespace,
      String name,
      PolicyApplier applier,
      AgentState state,
      Backoff backoff) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.applier = applier;
    this.state = state;
    this.backoff = backoff;
    this.thread = new Thread(this::run, "configmap-watch");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** True while the loop thread runs; false only after close or an unexpected crash. */
  boolean alive() {
    return thread.isAlive();
  }

  private FilterWatchListDeletable<ConfigMap, ConfigMapList, Resource<ConfigMap>> selected() {
    return client.configMaps().inNamespace(namespace).withField("metadata.name", name);
  }

  private void run() {
    boolean first = true;
    try {
      while (!closing) {
        try {
          if (!first) {
            state.reconnected();
          }
          first = false;
          listAndWatch();
        } catch (RuntimeException e) {
          if (closing) {
            break;
          }
          LOG.warn(
              "ConfigMap watch failed configMap={}/{} error={} cause={}",
              namespace,
              name,
              e.getMessage(),
              rootCause(e));
        }
        if (closing) {
          break;
        }
        state.watch(AgentState.WatchState.RECONNECTING);
        Duration delay = backoff.next();
        LOG.info("re-listing ConfigMap {}/{} in {} ms", namespace, name, delay.toMillis());
        sleep(delay);
      }
    } finally {
      state.watch(AgentState.WatchState.STOPPED);
    }
  }

  private void listAndWatch() {
    ConfigMapList list = selected().list();
    ConfigMap current =
        list.getItems().stream()
            .filter(cm -> name.equals(cm.getMetadata().getName()))
            .findFirst()
            .orElse(null);
    deliver(current);
    String resourceVersion =
        list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
    ListOptions options =
        new ListOptionsBuilder()
            .withFieldSelector("metadata.name=" + name)
            .withResourceVersion(resourceVersion)
            .withTimeoutSeconds(WATCH_SECONDS)
            .build();
    CompletableFuture<WatcherException> ended = new CompletableFuture<>();
    watchEnded = ended;
    watch = selected().watch(options, new Handler(ended));
    state.watch(AgentState.WatchState.CONNECTED);
    // The list and the watch both worked: the API server is back, start the backoff over.
    backoff.reset();
    WatcherException cause = awaitEnd(ended);
    watch = null;
    if (!closing) {
      LOG.warn(
          "ConfigMap watch ended configMap={}/{} reason={}",
          namespace,
          name,
          cause == null ? "closed" : cause.getMessage());
    }
  }

  /**
   * Waits for the watch to end: the server ends it after {@link #WATCH_SECONDS}; a watch still open
   * well past that means a frozen server or a half-open connection (no error ever arrives), so it
   * is closed here and the loop re-lists, which then fails visibly if the server is really gone.
   */
  private WatcherException awaitEnd(CompletableFuture<WatcherException> ended) {
    try {
      return ended.get(WATCH_SECONDS + WATCH_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "ConfigMap watch silent for {} s configMap={}/{}; assuming a frozen API server or a"
              + " half-open connection, re-listing",
          WATCH_SECONDS + WATCH_GRACE_SECONDS,
          namespace,
          name);
      Watch open = watch;
      if (open != null) {
        open.close();
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? "-" : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private void deliver(ConfigMap configMap) {
    if (configMap == null) {
      applier.onConfigMapMissing();
      return;
    }
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    Map<String, String> annotations =
        configMap.getMetadata().getAnnotations() == null
            ? Map.of()
            : configMap.getMetadata().getAnnotations();
    applier.onConfigMap(data, annotations);
  }

  private final class Handler implements Watcher<ConfigMap> {
    private final CompletableFuture<WatcherException> ended;

    Handler(CompletableFuture<WatcherException> ended) {
      this.ended = ended;
    }

    @Override
    public void eventReceived(Action action, ConfigMap resource) {
      // The field selector already restricts the watch; the name check guards a server that ignores
      // it.
      if (resource == null || !name.equals(resource.getMetadata().getName())) {
        return;
      }
      switch (action) {
        case ADDED, MODIFIED -> deliver(resource);
        case DELETED -> deliver(null);
        default -> {
          // BOOKMARK and ERROR carry no new ConfigMap version
        }
      }
    }

    // False (with watchReconnectLimit 0, see AgentClients): the client must not resume the watch by
    // itself. We re-list instead: a watch resumed after an outage may have missed events, and a
    // 410 Gone resourceVersion can only be recovered by a list.
    @Override
    public boolean reconnecting() {
      return false;
    }

    @Override
    public void onClose(WatcherException cause) {
      ended.complete(cause);
    }

    @Override
    public void onClose() {
      ended.complete(null);
    }
  }

  private void sleep(Duration delay) {
    try {
      closeSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
    }
  }

  @Override
  public void close() {
    closing = true;
    closeSignal.countDown();
    Watch current = watch;
    if (current != null) {
      current.close();
    }
    CompletableFuture<WatcherException> ended = watchEnded;
    if (ended != null) {
      ended.complete(null);
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
