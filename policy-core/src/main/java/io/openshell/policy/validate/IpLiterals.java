package io.openshell.policy.validate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP-literal and host classification shared by policy validation and profile lint. Never resolves
 * names: only literals are parsed.
 */
public final class IpLiterals {
  private IpLiterals() {}

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /** The address when {@code host} is an IPv4 dotted quad or an IPv6 literal (no brackets). */
  public static Optional<InetAddress> parse(String host) {
    try {
      if (IPV4.matcher(host).matches()) {
        return Optional.of(InetAddress.getByName(host));
      }
      // A string containing ':' is only ever parsed as an IPv6 literal, never looked up.
      if (host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+")) {
        return Optional.of(InetAddress.getByName(host));
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** True for an IPv4 or IPv6 literal. */
  public static boolean isIpLiteral(String host) {
    return parse(host).isPresent();
  }

  /**
   * Loopback: {@code localhost} (any case), 127.0.0.0/8, {@code ::1} and IPv4-mapped loopback;
   * square brackets around IPv6 literals are ignored.
   */
  public static boolean isLoopbackHost(String host) {
    String h = host;
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (RustText.eqIgnoreAsciiCase(h, "localhost")) {
      return true;
    }
    return parse(h).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  /** {@code <svc>.<ns>.svc} or {@code <svc>.<ns>.svc.cluster.local} (a trailing dot allowed). */
  public static boolean isKubernetesServiceHost(String host) {
    String h = RustText.asciiLower(host);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    String[] labels = h.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        return false;
      }
    }
    boolean service = labels.length == 3 && labels[2].equals("svc");
    boolean clusterLocal =
        labels.length == 5
            && labels[2].equals("svc")
            && labels[3].equals("cluster")
            && labels[4].equals("local");
    return service || clusterLocal;
  }
}
