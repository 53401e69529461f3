package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.plugin.kube.Kinds;
import io.openshell.policy.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Attach and detach as compare-and-set patches of {@code spec.providers}: read, check, write with
 * the read {@code metadata.resourceVersion}, and on a 409 read again and retry.
 */
public final class ProviderAttachment {
  /** OpenShell's limit on attached providers (§8 Attach). */
  public static final int MAX_PROVIDERS = 32;

  /** Enough rounds for dozens of concurrent writers: each round at least one writer wins. */
  static final int MAX_ATTEMPTS = 100;

  private final Cluster cluster;
  private final CandidateCheck check;

  /** The outcome: whether the list changed and the sandbox generation to wait for. */
  public record Result(boolean changed, long generation) {}

  public ProviderAttachment(Cluster cluster, CandidateCheck check) {
    this.cluster = cluster;
    this.check = check;
  }

  /** Attaches {@code provider} (appended at the end); a no-op when already attached. */
  public Result attach(String ns, String sandbox, String provider) {
    String what = "Failed to attach provider " + provider + " to sandbox " + sandbox + ".";
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      GenericKubernetesResource sb =
          cluster.sandbox(ns, sandbox).orElseThrow(() -> new Refused(what, "sandbox not found"));
      if (cluster.provider(ns, provider).isEmpty()) {
        throw new Refused(what, "provider '" + provider + "' not found");
      }
      List<String> current = Fields.strings(sb, "spec", "providers");
      List<String> deduped = new ArrayList<>(new LinkedHashSet<>(current));
      boolean already = deduped.contains(provider);
      if (!already && deduped.size() >= MAX_PROVIDERS) {
        throw new Refused(what, "providers list exceeds maximum (" + MAX_PROVIDERS + ")");
      }
      List<String> candidate = new ArrayList<>(deduped);
      if (!already) {
        candidate.add(provider);
        refuseOnViolations(what, check.check(sb, candidate));
      }
      if (candidate.equals(current)) {
        return new Result(false, sb.getMetadata().getGeneration());
      }
      try {
        GenericKubernetesResource written = write(ns, sb, candidate);
        return new Result(!already, written.getMetadata().getGeneration());
      } catch (KubernetesClientException e) {
        if (!Cluster.isConflict(e)) {
          throw e;
        }
        backOff();
      }
    }
    throw new Refused(
        "Failed to attach provider: sandbox was modified by another operation.",
        "Please retry the command.");
  }

  /** Detaches every occurrence of {@code provider}; a no-op when it was not attached. */
  public Result detach(String ns, String sandbox, String provider) {
    String what = "Failed to detach provider " + provider + " from sandbox " + sandbox + ".";
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      GenericKubernetesResource sb =
          cluster.sandbox(ns, sandbox).orElseThrow(() -> new Refused(what, "sandbox not found"));
      List<String> current = Fields.strings(sb, "spec", "providers");
      boolean attached = current.contains(provider);
      // OpenShell's detach does not require the provider to exist when it is not attached
      if (!attached && cluster.provider(ns, provider).isEmpty()) {
        throw new Refused(what, "provider '" + provider + "' not found");
      }
      List<String> candidate =
          new ArrayList<>(new LinkedHashSet<>(current))
              .stream().filter(p -> !p.equals(provider)).collect(Collectors.toList());
      if (attached) {
        refuseOnViolations(what, check.check(sb, candidate));
      }
      if (candidate.equals(current)) {
        return new Result(false, sb.getMetadata().getGeneration());
      }
      try {
        GenericKubernetesResource written = write(ns, sb, candidate);
        return new Result(attached, written.getMetadata().getGeneration());
      } catch (KubernetesClientException e) {
        if (!Cluster.isConflict(e)) {
          throw e;
        }
        backOff();
      }
    }
    throw new Refused(
        "Failed to detach provider: sandbox was modified by another operation.",
        "Please retry the command.");
  }

  private GenericKubernetesResource write(
      String ns, GenericKubernetesResource sb, List<String> providers) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resourceVersion", sb.getMetadata().getResourceVersion());
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("metadata", metadata);
    patch.put("spec", Map.of("providers", providers));
    return cluster.mergePatch(Kinds.SANDBOX, ns, sb.getMetadata().getName(), patch);
  }

  private static void refuseOnViolations(String what, List<Violation> violations) {
    List<String> errors =
        violations.stream().filter(Violation::isError).map(Violation::message).toList();
    if (!errors.isEmpty()) {
      throw new Refused(what, String.join("\n", errors));
    }
  }

  private static void backOff() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused("Interrupted.", "the operation was interrupted");
    }
  }
}
