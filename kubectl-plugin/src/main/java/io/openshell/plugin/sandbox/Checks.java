package io.openshell.plugin.sandbox;

import io.openshell.plugin.kube.Cluster;
import java.time.Clock;
import java.util.List;

/** Factory for the candidate checks attach and detach run before writing. */
final class Checks {
  private Checks() {}

  static CandidateCheck candidateCheck(Cluster cluster, Clock clock) {
    return (sandbox, providers) -> List.of();
  }
}
