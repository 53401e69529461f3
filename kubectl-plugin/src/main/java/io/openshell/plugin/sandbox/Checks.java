package io.openshell.plugin.sandbox;

import io.openshell.crds.resolve.ResolvedSandbox;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.ProviderAttachments;
import java.time.Clock;
import java.util.List;

/**
 * The candidate checks attach and detach run before writing: the candidate sandbox goes through the
 * shared resolver and policy-core's attach/detach rules, as the operator will see it.
 */
public final class Checks {
  private final Cluster cluster;
  private final Clock clock;

  public Checks(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  /**
   * The errors that refuse writing {@code candidate} (the sandbox with its new provider list): for
   * attach every check the operator runs, for detach only what OpenShell re-checks (§8).
   */
  List<Violation> check(ProviderEdit edit, Sandbox candidate) {
    // fresh lookups per attempt: a retry after a conflict must see the new state
    ResolvedSandbox resolved = new ClusterLookups(cluster, clock).resolve(candidate);
    if (!resolved.conversionErrors().isEmpty()) {
      return resolved.conversionErrors();
    }
    return edit == ProviderEdit.ATTACH
        ? ProviderAttachments.checkAttach(resolved.inputs())
        : ProviderAttachments.checkDetach(resolved.inputs());
  }
}
