package io.openshell.plugin.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;

/**
 * The cause of a failed API call in words a user can act on, instead of the client library's
 * generic texts ({@code An error has occurred.}, {@code Operation: [get] ... failed.}): connection
 * refused or timed out (naming the server), forbidden, not found, or the API server's own message.
 * Never a stack trace; a server address is printed without user information.
 */
public final class ClientErrors {
  private ClientErrors() {}

  /** One or more lines describing {@code e}; {@code server} is the API server's address. */
  public static String describe(Throwable e, Optional<String> server) {
    String at = server.map(ClientErrors::withoutUserInfo).map(s -> " to " + s).orElse("");
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConnectException) {
        return "connection refused" + at + " (is the API server running and the kubeconfig right?)";
      }
      if (c instanceof HttpConnectTimeoutException) {
        return "connection timed out" + at;
      }
      if (c instanceof HttpTimeoutException || c instanceof InterruptedIOException) {
        return "request timed out" + at;
      }
      if (c instanceof UnknownHostException u) {
        return "cannot resolve host " + u.getMessage() + at;
      }
      if (c instanceof javax.net.ssl.SSLException s) {
        return "TLS handshake failed" + at + ": " + s.getMessage();
      }
    }
    if (e instanceof KubernetesClientException k && k.getCode() > 0) {
      String status = k.getStatus() != null ? k.getStatus().getMessage() : null;
      String msg = status == null || status.isBlank() ? "" : ": " + status;
      return switch (k.getCode()) {
        case 401 -> "unauthorized" + msg + " (check the kubeconfig's credentials)";
        case 403 -> "forbidden" + msg;
        case 404 -> "not found" + msg;
        default ->
            status == null || status.isBlank() ? "HTTP " + k.getCode() + " from" + at : status;
      };
    }
    return usefulMessage(e);
  }

  /** The deepest message that is not one of the client's generic wrappers. */
  static String usefulMessage(Throwable e) {
    String best = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (c instanceof CharacterCodingException) {
        return "the file is not UTF-8 text";
      }
      if (m != null && !m.isBlank() && !generic(m)) {
        best = strip(m);
      }
    }
    return best != null ? best : e.getClass().getSimpleName();
  }

  private static boolean generic(String m) {
    return m.equals("An error has occurred.")
        || m.startsWith("Operation: [")
        || m.startsWith("Failure executing:")
        || m.equals("namespace cannot be null");
  }

  /** A nested exception's message often starts with the class name of its cause. */
  private static String strip(String m) {
    return m.replaceAll("^([a-z]+\\.)+[A-Za-z]+(Exception|Error): ", "");
  }

  static String withoutUserInfo(String url) {
    try {
      URI u = URI.create(url);
      if (u.getUserInfo() == null) {
        return url;
      }
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
          .toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException ex) {
      return "the API server";
    }
  }
}
