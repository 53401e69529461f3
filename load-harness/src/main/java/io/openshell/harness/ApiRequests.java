package io.openshell.harness;

import io.openshell.devapi.RequestKind;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The API requests the in-process API server counted during one phase (the difference of two {@code
 * DiscoveryCrudDispatcher.requestCounts()} snapshots), by verb and resource.
 */
record ApiRequests(Map<RequestKind, Long> counts) {

  static final ApiRequests NONE = new ApiRequests(Map.of());

  private static final Comparator<RequestKind> ORDER =
      Comparator.comparing(RequestKind::resource).thenComparing(RequestKind::verb);

  /** What was counted after {@code before} up to {@code after}; kinds with no requests dropped. */
  static ApiRequests between(Map<RequestKind, Long> before, Map<RequestKind, Long> after) {
    Set<RequestKind> kinds = new TreeSet<>(ORDER);
    kinds.addAll(after.keySet());
    kinds.addAll(before.keySet());
    Map<RequestKind, Long> out = new LinkedHashMap<>();
    for (RequestKind k : kinds) {
      long n = after.getOrDefault(k, 0L) - before.getOrDefault(k, 0L);
      if (n != 0) {
        out.put(k, n);
      }
    }
    return new ApiRequests(out);
  }

  /**
   * Requests of {@code verb} on {@code resource} ({@code sandboxes/status}, {@code configmaps}).
   */
  long of(String verb, String resource) {
    return counts.getOrDefault(new RequestKind(verb, resource), 0L);
  }

  /** All writes (create, update, patch, delete). */
  long writes() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().isWrite())
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** All reads that hit the store (get, list); watches and discovery excluded. */
  long reads() {
    return counts.entrySet().stream()
        .filter(
            e ->
                !e.getKey().resource().isEmpty()
                    && (e.getKey().verb().equals("get") || e.getKey().verb().equals("list")))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** {@code writes} minus {@code n} requests the harness itself sent (kind {@code own}). */
  ApiRequests without(RequestKind own, long n) {
    Map<RequestKind, Long> out = new LinkedHashMap<>(counts);
    long left = out.getOrDefault(own, 0L) - n;
    if (left == 0) {
      out.remove(own);
    } else {
      out.put(own, left);
    }
    return new ApiRequests(out);
  }

  /**
   * Without {@code n} sandbox merge patches the harness sent, and the get the fabric8 client sends
   * before each of them.
   */
  ApiRequests withoutHarnessPatches(int n) {
    return without(new RequestKind("patch", "sandboxes"), n)
        .without(new RequestKind("get", "sandboxes"), n);
  }

  /** E.g. {@code 2 writes (update configmaps 1, update sandboxes/status 1); 0 reads}. */
  String describe() {
    String writeList =
        counts.entrySet().stream()
            .filter(e -> e.getKey().isWrite())
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    String readList =
        counts.entrySet().stream()
            .filter(e -> !e.getKey().isWrite() && !e.getKey().resource().isEmpty())
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return writes()
        + " writes"
        + (writeList.isEmpty() ? "" : " (" + writeList + ")")
        + "; "
        + reads()
        + " reads"
        + (readList.isEmpty() ? "" : " (" + readList + ")");
  }
}
