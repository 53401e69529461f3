package io.openshell.plugin.profile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.resolve.Convert;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.ProviderProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code profile import}: creates custom profiles, all or nothing, after lint and the fan-out check
 * (§2.7, §6.4).
 */
@Command(
    name = "import",
    description = {
      "Create custom provider profiles from files (create-only, all or nothing).",
      "Example: kubectl openshell profile import -f my-api.yaml",
      "         kubectl openshell profile import --from ./profiles"
    })
public final class ProfileImportCommand extends BaseCommand {
  static final String FAILED = "provider profile import failed";

  @Mixin FileSources sources;

  @Override
  protected void run() throws Exception {
    sources.require(spec);
    Cluster cluster = new Cluster(session().client());
    ProfileBatch batch =
        ProfileBatch.forImport(ProfileInput.read(sources.files(), sources.from()), cluster);
    if (!batch.diagnostics.hasErrors()) {
      List<SandboxInputs> sandboxes = new Resolver(cluster, session().clock()).allSandboxes();
      for (int i = 0; i < batch.profiles.size(); i++) {
        ProviderProfile p = batch.profiles.get(i);
        batch.diagnostics.addAll(
            batch.inputs.get(i).source(),
            p.id(),
            ProfileFanOut.check(p, ProfileFanOut.Operation.IMPORT, sandboxes));
      }
    }
    if (batch.diagnostics.hasErrors()) {
      throw new Refused(FAILED, batch.diagnostics.render());
    }
    List<String> created = new ArrayList<>();
    try {
      for (ProviderProfile p : batch.profiles) {
        GenericKubernetesResource r = Convert.profileResource(p.withResourceVersion(0));
        r.getMetadata().setLabels(new HashMap<>(java.util.Map.of(Kinds.SOURCE_LABEL, "user")));
        cluster.create(Kinds.PROVIDER_PROFILE, null, r);
        created.add(p.id());
      }
    } catch (KubernetesClientException e) {
      // all or nothing: take back what this import created before the failure
      for (String id : created) {
        cluster.delete(Kinds.PROVIDER_PROFILE, null, id);
      }
      String reason =
          Cluster.isConflict(e)
              ? "custom provider profile already exists (created concurrently); nothing was imported"
              : (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage());
      throw new Refused(FAILED, reason);
    }
    if (!batch.diagnostics.isEmpty()) {
      err().println(batch.diagnostics.render());
    }
    out().println("Imported " + created.size() + " provider profile(s).");
  }
}
