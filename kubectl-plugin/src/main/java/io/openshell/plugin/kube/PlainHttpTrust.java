package io.openshell.plugin.kube;

import io.fabric8.kubernetes.client.Config;
import java.util.Locale;
import java.util.Properties;

/**
 * An API server on plain {@code http://} (the embedded development server) needs no TLS, yet
 * fabric8 sets up TLS for every client and loads the JVM's default trust store for it: about 150 CA
 * certificates parsed on every command (docs/benchmarks.md, "kubectl openshell start-up"). For such
 * a server the plugin's process sets {@code javax.net.ssl.trustStore=NONE}, an empty trust store:
 * nothing is trusted, so a TLS connection the client should never make fails instead of trusting
 * anything. It only narrows trust; an {@code https://} server, or a trust store the user chose, is
 * left alone.
 */
public final class PlainHttpTrust {
  static final String PROPERTY = "javax.net.ssl.trustStore";

  private PlainHttpTrust() {}

  /**
   * Sets the empty trust store in {@code system} when {@code config}'s server is plain HTTP and no
   * trust store is configured; true when it did. Only for a process that owns its JVM (the CLI's
   * {@code main}).
   */
  public static boolean apply(Config config, Properties system) {
    String url = config.getMasterUrl();
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("http://")) {
      return false;
    }
    if (system.getProperty(PROPERTY) != null) {
      return false;
    }
    system.setProperty(PROPERTY, "NONE");
    return true;
  }
}
