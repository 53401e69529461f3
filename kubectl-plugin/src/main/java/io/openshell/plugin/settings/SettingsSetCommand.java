package io.openshell.plugin.settings;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.kube.Cluster;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code settings set providers-v2-enabled=true|false}. */
@Command(
    name = "set",
    description = {
      "Change a setting. Turning providers-v2-enabled on is refused while a sandbox would get an"
          + " invalid effective policy.",
      "Example: kubectl openshell settings set providers-v2-enabled=true"
    })
public final class SettingsSetCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "KEY=VALUE",
      description = "providers-v2-enabled=true|false (OpenShell's providers_v2_enabled).")
  String assignment;

  @Override
  protected void run() {
    int eq = assignment.indexOf('=');
    String key = eq < 0 ? assignment : assignment.substring(0, eq).trim();
    String value = eq < 0 ? "" : assignment.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
    if (!key.equals("providers-v2-enabled") && !key.equals("providers_v2_enabled")) {
      throw new ParameterException(
          spec.commandLine(), "unknown setting '" + key + "' (expected providers-v2-enabled)");
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new ParameterException(
          spec.commandLine(),
          "setting 'providers-v2-enabled' expects true or false, got '" + value + "'");
    }
    boolean enabled = Boolean.parseBoolean(value);
    String what = "Failed to set providers-v2-enabled=" + enabled + ".";
    Cluster cluster = new Cluster(session().client());
    new SettingsStore(cluster)
        .update(
            what,
            spec -> spec.setProvidersV2Enabled(enabled),
            new ActivationGuard(cluster, session().clock(), what));
    out().println("✓ Set providers-v2-enabled=" + enabled);
  }
}
