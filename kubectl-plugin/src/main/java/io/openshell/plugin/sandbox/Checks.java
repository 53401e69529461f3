package io.openshell.plugin.sandbox;

import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The candidate checks attach and detach run before writing, with policy-core's engine. */
public final class Checks {
  /** Detach re-checks only what removing a provider can break: bindings and ambiguity (§8). */
  private static final Set<ViolationCode> DETACH_CODES =
      Set.of(ViolationCode.INVALID_CREDENTIAL_BINDING, ViolationCode.AMBIGUOUS_ENDPOINTS);

  private final Cluster cluster;
  private final Clock clock;

  public Checks(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  /**
   * Violations of {@code sandbox} with {@code providers} attached: for attach every check the
   * operator runs on the candidate (§6.1–6.3, §5.7, §5.8, §1.6); for detach only where OpenShell
   * refuses narrowing (§8 Detach).
   */
  List<Violation> check(ProviderEdit edit, Sandbox sandbox, List<String> providers) {
    // a fresh resolver per attempt: a retry after a conflict must see the new state
    Resolver resolver = new Resolver(cluster, clock);
    List<Violation> all = violations(PolicyEngine.compose(resolver.inputs(sandbox, providers)));
    return edit == ProviderEdit.ATTACH
        ? all
        : all.stream().filter(v -> DETACH_CODES.contains(v.code())).toList();
  }

  private static List<Violation> violations(CompositionResult result) {
    if (result instanceof CompositionResult.Rejected r) {
      return r.violations();
    }
    return List.of();
  }
}
