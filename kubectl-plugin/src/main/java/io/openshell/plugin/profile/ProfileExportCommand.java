package io.openshell.plugin.profile;

import io.openshell.crds.convert.ProfileConverter;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.output.OutputFormat;
import io.openshell.plugin.output.OutputOption;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code profile export ID}: OpenShell's import format with {@code resource_version} (the profile's
 * generation) for custom profiles, none for built-ins; {@code -o cr} prints the manifest.
 */
@Command(
    name = "export",
    description = {
      "Print a provider profile in OpenShell's import format (yaml or json) or as a manifest (cr).",
      "Example: kubectl openshell profile export my-api > my-api.yaml"
    })
public final class ProfileExportCommand extends BaseCommand {
  private static ProfileSource source(boolean builtin) {
    return builtin ? ProfileSource.BUILTIN : ProfileSource.USER;
  }

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Names.ProfileId.class,
      description = "Profile id.")
  String id;

  @Mixin OutputOption outputOption;

  @Override
  protected void run() {
    OutputFormat output =
        outputOption.format(
            OutputFormat.YAML,
            OutputFormat.TABLE,
            OutputFormat.YAML,
            OutputFormat.JSON,
            OutputFormat.CR);
    if (output == OutputFormat.TABLE) {
      throw new ParameterException(
          spec.commandLine(),
          "profile export supports '-o yaml', '-o json' and '-o cr'; table output is not"
              + " supported");
    }
    String target = id;
    String what = "Failed to export provider profile '" + target + "'.";
    Cluster cluster = new Cluster(session().client());
    boolean builtin = BuiltinProfiles.isBuiltin(target);
    ProviderProfile profile;
    if (builtin) {
      profile = BuiltinProfiles.get(target).orElseThrow();
    } else {
      Optional<io.openshell.crds.v1alpha1.ProviderProfile> cr = cluster.profile(target);
      if (cr.isEmpty()) {
        throw new Refused(what, "provider profile not found");
      }
      var c = ProfileConverter.toModel(cr.get());
      if (c.hasErrors()) {
        throw new Refused(what, Convert.messages(c));
      }
      profile = c.value();
    }
    switch (output) {
      case YAML -> out().print(ProfileFiles.writeExportYaml(profile, source(builtin)));
      case JSON -> out().println(ProfileFiles.writeExportJson(profile, source(builtin)));
      default -> {
        io.openshell.crds.v1alpha1.ProviderProfile manifest =
            Convert.profileResource(profile.withResourceVersion(0));
        Map<String, String> labels = new HashMap<>();
        labels.put(Kinds.SOURCE_LABEL, builtin ? "builtin" : "user");
        manifest.getMetadata().setLabels(labels);
        OutputFormat.print(out(), OutputFormat.CR, manifest);
      }
    }
  }
}
