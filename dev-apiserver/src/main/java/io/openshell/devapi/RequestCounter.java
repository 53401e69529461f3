package io.openshell.devapi;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the requests the server received, by verb and resource (see {@link RequestKind}). */
final class RequestCounter {
  private final Map<RequestKind, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one request for {@code pathWithQuery} with {@code method}. */
  void count(HttpMethod method, String pathWithQuery) {
    counts.computeIfAbsent(kindOf(method, pathWithQuery), k -> new LongAdder()).increment();
  }

  /** The counts so far, ordered by resource then verb. */
  Map<RequestKind, Long> snapshot() {
    Map<RequestKind, Long> out =
        new TreeMap<>(
            java.util.Comparator.comparing(RequestKind::resource).thenComparing(RequestKind::verb));
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  static RequestKind kindOf(HttpMethod method, String pathWithQuery) {
    Optional<ResourcePath> parsed = ResourcePath.parse(pathWithQuery);
    if (parsed.isEmpty()) {
      return new RequestKind("get", "");
    }
    ResourcePath p = parsed.get();
    String resource = p.subresource().isEmpty() ? p.plural() : p.plural() + "/" + p.subresource();
    String verb =
        switch (method) {
          case POST -> "create";
          case PUT -> "update";
          case PATCH -> "patch";
          case DELETE -> "delete";
          case GET -> {
            if (pathWithQuery.contains("watch=true")) {
              yield "watch";
            }
            yield p.name().isEmpty() ? "list" : "get";
          }
          default -> method.name().toLowerCase(java.util.Locale.ROOT);
        };
    return new RequestKind(verb, resource);
  }
}
