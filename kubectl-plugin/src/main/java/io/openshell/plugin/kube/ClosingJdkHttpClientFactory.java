package io.openshell.plugin.kube;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * fabric8's JDK HTTP client factory that can stop the JDK clients' selector threads when the
 * command is over ({@link #shutdownAll}).
 *
 * <p>A command-line JVM pays for those threads at exit: the JVM waits up to 300 ms for every thread
 * inside a native call (the selector sits in {@code epoll_wait}) before it exits. fabric8's close
 * only shuts its own executor down and leaves the selector to the garbage collector; on Java 21+
 * {@code HttpClient.shutdownNow()} stops it, so the plugin exits as soon as it is done
 * (docs/benchmarks.md, "kubectl openshell start-up"). On Java 17-20 there is no such method and the
 * exit keeps its 300 ms, one reason the launcher prefers the newest JDK.
 */
public final class ClosingJdkHttpClientFactory extends JdkHttpClientFactory {
  /** Long enough for a selector thread to notice; it does in a few milliseconds. */
  static final Duration TERMINATION_WAIT = Duration.ofMillis(200);

  private final List<HttpClient> built = new ArrayList<>();

  @Override
  protected HttpClient.Builder createNewHttpClientBuilder() {
    return new Recording(super.createNewHttpClientBuilder());
  }

  /** The JDK clients built so far. */
  synchronized List<HttpClient> built() {
    return List.copyOf(built);
  }

  /**
   * Stops every JDK client this factory built, where the running JDK can (21+): call once the
   * Kubernetes client is closed. Returns how many were stopped.
   */
  public synchronized int shutdownAll() {
    int stopped = 0;
    for (HttpClient http : built) {
      if (shutdownNow(http)) {
        stopped++;
      }
    }
    built.clear();
    return stopped;
  }

  /** Reflective, because the plugin is compiled for Java 17. */
  static boolean shutdownNow(HttpClient http) {
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
      Method awaitTermination = HttpClient.class.getMethod("awaitTermination", Duration.class);
      shutdownNow.invoke(http);
      awaitTermination.invoke(http, TERMINATION_WAIT);
      return true;
    } catch (NoSuchMethodException e) {
      return false; // Java 17-20
    } catch (IllegalAccessException | InvocationTargetException e) {
      // the command has finished; a client that will not stop only costs exit time
      return false;
    }
  }

  private synchronized void record(HttpClient client) {
    built.add(client);
  }

  /** fabric8's builder, unchanged, except that what it builds is recorded. */
  private final class Recording implements HttpClient.Builder {
    private final HttpClient.Builder delegate;

    Recording(HttpClient.Builder delegate) {
      this.delegate = delegate;
    }

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient build() {
      HttpClient client = delegate.build();
      record(client);
      return client;
    }
  }
}
