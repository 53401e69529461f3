package io.openshell.policy.lint;

import io.openshell.policy.validate.RustText;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the WHATWG URL parser (the {@code url} crate behind OpenShell's {@code
 * url::Url::parse}, profiles.rs:2549-2559) that decides whether a token endpoint parses and what
 * its scheme and host are: leading/trailing C0-or-space stripped and tab/newline removed; a scheme
 * is required; special schemes skip any run of {@code /} and {@code \} before the authority (so
 * {@code https:example.com} and {@code https:\\example.com\token} parse), need a non-empty host,
 * percent-decode and lower-case it, refuse forbidden domain code points, read a host ending in a
 * number as IPv4 (hex, octal and 1-4 part forms, normalised to dotted decimal) and refuse a port
 * that is not digits or exceeds 65535. Non-ASCII hosts go through IDNA; other schemes ({@code
 * mailto:}) parse when their optional {@code //} authority does.
 */
final class WhatwgUrl {
  private WhatwgUrl() {}

  /** A parsed URL: lower-case scheme and serialised host ({@code [..]} for IPv6), maybe empty. */
  record Parsed(String scheme, String host) {}

  private static final Set<String> SPECIAL = Set.of("http", "https", "ws", "wss", "ftp", "file");

  /** The URL, or empty when {@code url::Url::parse} fails. */
  static Optional<Parsed> parse(String input) {
    String s = stripControlAndSpace(input);
    int colon = s.indexOf(':');
    if (colon <= 0 || !isAsciiAlpha(s.charAt(0))) {
      return Optional.empty();
    }
    for (int i = 1; i < colon; i++) {
      char c = s.charAt(i);
      if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return Optional.empty();
      }
    }
    String scheme = RustText.asciiLower(s.substring(0, colon));
    String rest = s.substring(colon + 1);
    boolean special = SPECIAL.contains(scheme);
    if (special) {
      int i = 0;
      while (i < rest.length() && (rest.charAt(i) == '/' || rest.charAt(i) == '\\')) {
        i++;
      }
      if (scheme.equals("file") && i < 2) {
        return Optional.of(new Parsed(scheme, ""));
      }
      return authority(scheme, rest.substring(i), true);
    }
    if (rest.startsWith("//")) {
      return authority(scheme, rest.substring(2), false);
    }
    return Optional.of(new Parsed(scheme, ""));
  }

  private static Optional<Parsed> authority(String scheme, String rest, boolean special) {
    int end = 0;
    while (end < rest.length()) {
      char c = rest.charAt(end);
      if (c == '/' || c == '?' || c == '#' || (special && c == '\\')) {
        break;
      }
      end++;
    }
    String auth = rest.substring(0, end);
    int at = auth.lastIndexOf('@');
    String hostPort = at >= 0 ? auth.substring(at + 1) : auth;
    if (at >= 0 && hostPort.isEmpty()) {
      return Optional.empty();
    }
    String host = hostPort;
    String port = null;
    int bracket = hostPort.lastIndexOf(']');
    int lastColon = hostPort.lastIndexOf(':');
    if (lastColon > bracket) {
      host = hostPort.substring(0, lastColon);
      port = hostPort.substring(lastColon + 1);
    }
    if (port != null && !validPort(port)) {
      return Optional.empty();
    }
    boolean file = scheme.equals("file");
    if (host.isEmpty()) {
      return special && !file ? Optional.empty() : Optional.of(new Parsed(scheme, ""));
    }
    if (file && port != null) {
      return Optional.empty();
    }
    Optional<String> parsed = special ? specialHost(host) : opaqueHost(host);
    return parsed.map(h -> new Parsed(scheme, file && h.equals("localhost") ? "" : h));
  }

  private static boolean validPort(String port) {
    long value = 0;
    for (int i = 0; i < port.length(); i++) {
      char c = port.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
      if (value > 65_535) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> ipv6(String host) {
    if (!host.endsWith("]")) {
      return Optional.empty();
    }
    String inner = host.substring(1, host.length() - 1);
    if (inner.indexOf(':') < 0 || !inner.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty();
    }
    try {
      InetAddress.getByName(inner);
      return Optional.of(host);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> opaqueHost(String host) {
    if (host.startsWith("[")) {
      return ipv6(host);
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == 0 || c == '\t' || c == '\n' || c == '\r' || " #/:<>?@[\\]^|".indexOf(c) >= 0) {
        return Optional.empty();
      }
    }
    return Optional.of(host);
  }

  private static Optional<String> specialHost(String host) {
    if (host.startsWith("[")) {
      return ipv6(host);
    }
    String domain = percentDecode(host);
    boolean ascii = domain.chars().allMatch(c -> c < 0x80);
    if (!ascii) {
      try {
        domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    domain = RustText.asciiLower(domain);
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      if (c <= 0x20 || c == 0x7F || "#%/:<>?@[\\]^|".indexOf(c) >= 0) {
        return Optional.empty();
      }
    }
    if (endsInANumber(domain)) {
      return ipv4(domain);
    }
    return Optional.of(domain);
  }

  private static boolean endsInANumber(String domain) {
    String[] parts = domain.split("\\.", -1);
    int last = parts.length - 1;
    if (parts[last].isEmpty()) {
      if (parts.length == 1) {
        return false;
      }
      last--;
    }
    String p = parts[last];
    if (!p.isEmpty() && p.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return ipv4Number(p) != null;
  }

  private static Optional<String> ipv4(String domain) {
    String[] parts = domain.split("\\.", -1);
    int n = parts.length;
    if (parts[n - 1].isEmpty() && n > 1) {
      n--;
    }
    if (n > 4) {
      return Optional.empty();
    }
    long[] numbers = new long[n];
    for (int i = 0; i < n; i++) {
      Long v = ipv4Number(parts[i]);
      if (v == null) {
        return Optional.empty();
      }
      numbers[i] = v;
    }
    for (int i = 0; i < n - 1; i++) {
      if (numbers[i] > 255) {
        return Optional.empty();
      }
    }
    if (numbers[n - 1] >= 1L << (8 * (5 - n))) {
      return Optional.empty();
    }
    long address = numbers[n - 1];
    for (int i = 0; i < n - 1; i++) {
      address += numbers[i] << (8 * (3 - i));
    }
    return Optional.of(
        (address >> 24 & 255)
            + "."
            + (address >> 16 & 255)
            + "."
            + (address >> 8 & 255)
            + "."
            + (address & 255));
  }

  /** The WHATWG IPv4 number parser; null when {@code part} is not a number. */
  private static Long ipv4Number(String part) {
    if (part.isEmpty()) {
      return null;
    }
    int radix = 10;
    String digits = part;
    if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() >= 2 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) {
      return 0L;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), radix);
      if (d < 0 || digits.charAt(i) > 0x7F) {
        return null;
      }
      value = value * radix + d;
      if (value > 0xFFFF_FFFFL) {
        value = 0x1_0000_0000L; // too big for any part; stays too big
      }
    }
    return value;
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        bytes.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else {
        bytes.write(in[i]);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }

  private static boolean isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String stripControlAndSpace(String input) {
    int start = 0;
    int end = input.length();
    while (start < end && input.charAt(start) <= 0x20) {
      start++;
    }
    while (end > start && input.charAt(end - 1) <= 0x20) {
      end--;
    }
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = input.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
