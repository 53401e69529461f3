package io.openshell.plugin.profile;

import io.openshell.plugin.BaseCommand;
import picocli.CommandLine.Command;

/** {@code convert -f FILE}: OpenShell profile or policy files as custom resource YAML. */
@Command(name = "convert", description = "Print the custom resource YAML for OpenShell files.")
public final class ConvertCommand extends BaseCommand {
  @Override
  protected void run() {}
}
