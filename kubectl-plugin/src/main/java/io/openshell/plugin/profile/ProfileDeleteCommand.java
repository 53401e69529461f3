package io.openshell.plugin.profile;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.Violation;
import io.openshell.policy.catalog.BuiltinProfiles;
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
  @Parameters(index = "0", paramLabel = "ID", description = "Profile id.")
  String id;

  @Override
  protected void run() {
    String what = "Provider profile '" + id.trim() + "' was not deleted.";
    String target = Profiles.requestId(id, what);
    Cluster cluster = new Cluster(session().client());
    Optional<io.fabric8.kubernetes.api.model.GenericKubernetesResource> current =
        cluster.profile(target);
    if (BuiltinProfiles.isBuiltin(target) || current.map(Resolver::isBuiltin).orElse(false)) {
      throw new Refused(
          what,
          "provider profile '" + target + "' is managed by source 'builtin' and cannot be deleted");
    }
    if (current.isEmpty()) {
      throw new Refused(what, "provider profile not found");
    }
    Optional<Violation> inUse =
        InUse.profileInUse(target, new Resolver(cluster, session().clock()).allSandboxes());
    if (inUse.isPresent()) {
      throw new Refused(what, inUse.get().message());
    }
    cluster.delete(Kinds.PROVIDER_PROFILE, null, target);
    out().println("Deleted provider profile '" + target + "'.");
  }
}
