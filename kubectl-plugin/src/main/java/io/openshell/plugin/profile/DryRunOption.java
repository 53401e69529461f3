package io.openshell.plugin.profile;

import io.openshell.plugin.output.OutputFormat;
import io.openshell.plugin.output.OutputOption;
import io.openshell.plugin.preview.ProfilePreview;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --dry-run}: run every check of the command, write nothing, and print what would change per
 * affected sandbox ({@code -o yaml|json} for the structured change).
 */
public final class DryRunOption {
  @Option(
      names = "--dry-run",
      description =
          "Check and preview without writing: per sandbox using the profile, whether its effective"
              + " policy changes, a unified diff of policy.yaml and any refusal (-o json|yaml for"
              + " the structured change).")
  boolean dryRun;

  public boolean enabled() {
    return dryRun;
  }

  /** {@code -o} only shapes a preview: without {@code --dry-run} it is a usage error. */
  void requireWith(OutputOption output, CommandSpec spec) {
    if (output.isSet() && !dryRun) {
      throw new ParameterException(spec.commandLine(), "-o is only supported with --dry-run");
    }
  }

  /** Prints the preview in the format of {@code output} (the default is the text form). */
  static void print(ProfilePreview.Result result, OutputOption output, PrintWriter out) {
    OutputFormat f =
        output.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.YAML, OutputFormat.JSON);
    if (f == OutputFormat.TABLE) {
      ProfilePreview.print(result, out);
    } else {
      OutputFormat.print(out, f, ProfilePreview.structured(result));
    }
  }
}
