package io.openshell.plugin.profile;

import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.BuiltinReadOnly;
import io.openshell.policy.compose.InUse;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code profile delete ID}: deletes a custom profile that no sandbox uses (§8 Delete). */
@Command(
    name = "delete",
    description = {
      "Delete a custom provider profile; refused while a sandbox uses it.",
      "Example: kubectl openshell profile delete my-api"
    })
public final class ProfileDeleteCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Names.ProfileId.class,
      description = "Profile id.")
  String id;

  @Override
  protected void run() {
    String target = id;
    String what = "Provider profile '" + target + "' was not deleted.";
    Cluster cluster = new Cluster(session().client());
    BuiltinReadOnly.check(target, BuiltinReadOnly.Write.DELETE)
        .ifPresent(
            v -> {
              throw new Refused(what, v.message());
            });
    if (cluster.profile(target).isEmpty()) {
      throw new Refused(what, "provider profile not found");
    }
    Optional<Violation> inUse =
        InUse.profileInUse(target, new ClusterLookups(cluster, session().clock()).allSandboxes());
    if (inUse.isPresent()) {
      throw new Refused(what, inUse.get().message());
    }
    cluster.delete(ProviderProfile.class, null, target);
    out().println("Deleted provider profile '" + target + "'.");
  }
}
