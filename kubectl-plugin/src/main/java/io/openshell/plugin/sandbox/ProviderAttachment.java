package io.openshell.plugin.sandbox;

import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxSpec;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.Violations;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.compose.ProviderAttachments;
import java.util.List;

/**
 * Attach and detach as compare-and-set writes of {@code spec.providers}: read, check, write with
 * the read {@code metadata.resourceVersion}, and on a 409 read again and retry ({@link
 * Cluster#compareAndSet}).
 */
public final class ProviderAttachment {
  private final Cluster cluster;
  private final Checks checks;

  /** The outcome: whether the attached set changed and the sandbox generation to wait for. */
  public record Result(boolean changed, long generation) {}

  public ProviderAttachment(Cluster cluster, Checks checks) {
    this.cluster = cluster;
    this.checks = checks;
  }

  /**
   * Attaches {@code provider} (appended at the end) or detaches every occurrence of it; a no-op
   * when the list already is as asked (stored duplicates are written back de-duplicated).
   */
  public Result apply(ProviderEdit edit, String ns, String sandbox, String provider) {
    String what = edit.failed(provider, sandbox);
    boolean[] changed = {false};
    Cluster.Written<Sandbox> w =
        cluster.compareAndSet(
            Sandbox.class,
            ns,
            sandbox,
            sb -> {
              if (sb == null) {
                throw new Refused(what, "sandbox not found");
              }
              List<String> current =
                  sb.getSpec() == null || sb.getSpec().getProviders() == null
                      ? List.of()
                      : sb.getSpec().getProviders();
              boolean attached = current.contains(provider);
              // OpenShell's detach does not require the provider to exist when it is attached
              if ((edit == ProviderEdit.ATTACH || !attached)
                  && cluster.provider(ns, provider).isEmpty()) {
                throw new Refused(what, Composition.notFoundMessage(provider));
              }
              List<String> candidate = edit.candidate(current, provider);
              if (candidate.equals(current)) {
                return null;
              }
              if (sb.getSpec() == null) {
                sb.setSpec(new SandboxSpec());
              }
              sb.getSpec().setProviders(candidate);
              changed[0] = edit.changes(current, provider);
              if (changed[0]) {
                if (edit == ProviderEdit.ATTACH) {
                  ProviderAttachments.checkAttachLimit(current, provider)
                      .ifPresent(v -> refuseOnViolations(what, List.of(v)));
                }
                refuseOnViolations(what, checks.check(edit, sb));
              }
              return sb;
            },
            () -> new Refused(edit.conflict(), "Please retry the command."));
    Long generation = w.object().getMetadata().getGeneration();
    return new Result(changed[0], generation == null ? 0 : generation);
  }

  private static void refuseOnViolations(String what, List<Violation> violations) {
    if (violations.stream().anyMatch(Violation::isError)) {
      throw new Refused(what, Violations.messages(violations));
    }
  }
}
