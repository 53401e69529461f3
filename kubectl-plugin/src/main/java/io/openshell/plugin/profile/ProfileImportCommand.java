package io.openshell.plugin.profile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.input.ProfileInput;
import io.openshell.plugin.kube.ClientErrors;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.output.OutputOption;
import io.openshell.plugin.preview.ProfilePreview;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.SandboxInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code profile import}: creates custom profiles, all or nothing, after lint and the fan-out check
 * (§2.7, §6.4); {@code --dry-run} previews instead.
 */
@Command(
    name = "import",
    description = {
      "Create custom provider profiles from files (create-only, all or nothing).",
      "Example: kubectl openshell profile import -f my-api.yaml",
      "         kubectl openshell profile import --from ./profiles --dry-run"
    })
public final class ProfileImportCommand extends BaseCommand {
  static final String FAILED = "provider profile import failed";

  @Mixin FileSources sources;
  @Mixin DryRunOption dryRun;
  @Mixin OutputOption output;

  @Override
  protected void run() throws Exception {
    sources.require(spec);
    dryRun.requireWith(output, spec);
    Cluster cluster = new Cluster(session().client());
    ProfileBatch batch =
        ProfileBatch.forImport(ProfileInput.read(sources.files(), sources.from()), cluster);
    List<SandboxInputs> sandboxes = List.of();
    boolean linted = !batch.diagnostics.hasErrors();
    if (linted) {
      sandboxes = new ClusterLookups(cluster, session().clock()).allSandboxes();
      for (int i = 0; i < batch.profiles.size(); i++) {
        var p = batch.profiles.get(i);
        batch.diagnostics.addAll(
            batch.inputs.get(i).source(),
            p.id(),
            ProfileFanOut.check(p, ProfileFanOut.Operation.IMPORT, sandboxes));
      }
    }
    if (dryRun.enabled() && linted) {
      DryRunOption.print(
          ProfilePreview.of(ProfileFanOut.Operation.IMPORT, batch.profiles, sandboxes),
          output,
          out());
    }
    if (batch.diagnostics.hasErrors()) {
      throw new Refused(
          dryRun.enabled() ? FAILED + " (dry run: nothing was written)" : FAILED,
          batch.diagnostics.render());
    }
    if (!batch.diagnostics.isEmpty()) {
      err().println(batch.diagnostics.render());
    }
    if (dryRun.enabled()) {
      return;
    }
    List<String> created = new ArrayList<>();
    try {
      for (var p : batch.profiles) {
        ProviderProfile r = Convert.profileResource(p.withResourceVersion(0));
        r.getMetadata().setLabels(new HashMap<>(Map.of(Kinds.SOURCE_LABEL, "user")));
        cluster.create(r);
        created.add(p.id());
      }
    } catch (KubernetesClientException e) {
      // all or nothing: take back what this import created before the failure
      for (String id : created) {
        cluster.delete(ProviderProfile.class, null, id);
      }
      String reason =
          Cluster.isConflict(e)
              ? "custom provider profile already exists (created concurrently); nothing was imported"
              : ClientErrors.describe(e, Optional.empty());
      throw new Refused(FAILED, reason);
    }
    out().println("Imported " + created.size() + " provider profile(s).");
  }
}
