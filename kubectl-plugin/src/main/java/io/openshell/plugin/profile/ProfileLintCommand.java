package io.openshell.plugin.profile;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.ProfileInput;
import io.openshell.plugin.kube.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code profile lint}: OpenShell's lint, including conflicts with stored profiles; writes nothing.
 */
@Command(
    name = "lint",
    description = {
      "Lint provider profile files as import would, without importing.",
      "Example: kubectl openshell profile lint -f my-api.yaml"
    })
public final class ProfileLintCommand extends BaseCommand {
  @Mixin FileSources sources;

  @Override
  protected void run() throws Exception {
    sources.require(spec);
    ProfileBatch batch =
        ProfileBatch.forLint(
            ProfileInput.read(sources.files(), sources.from()), new Cluster(session().client()));
    if (batch.diagnostics.hasErrors()) {
      throw new Refused("provider profile lint failed", batch.diagnostics.render());
    }
    if (!batch.diagnostics.isEmpty()) {
      err().println(batch.diagnostics.render());
    }
    out().println("Provider profile lint passed.");
  }
}
