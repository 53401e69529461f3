package io.openshell.plugin.settings;

import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.ActivationCheck;
import io.openshell.policy.model.Settings;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** The §5.6 check: refuse turning composition on while a sandbox would become invalid. */
final class ActivationGuard implements BiConsumer<Settings, Settings> {
  private final Cluster cluster;
  private final Clock clock;
  private final String what;

  ActivationGuard(Cluster cluster, Clock clock, String what) {
    this.cluster = cluster;
    this.clock = clock;
    this.what = what;
  }

  @Override
  public void accept(Settings current, Settings proposed) {
    if (!ActivationCheck.activates(current, proposed)) {
      return;
    }
    List<Violation> blocking =
        ActivationCheck.check(current, proposed, new ClusterLookups(cluster, clock).allSandboxes());
    if (!blocking.isEmpty()) {
      throw new Refused(
          what, blocking.stream().map(Violation::message).collect(Collectors.joining("\n")));
    }
  }
}
