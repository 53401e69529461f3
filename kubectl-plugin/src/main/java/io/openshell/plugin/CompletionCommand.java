package io.openshell.plugin;

import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code completion bash}: prints a bash completion script generated from the command tree. */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script (bash; zsh after `autoload bashcompinit && bashcompinit`).",
      "Load it with: source <(kubectl-openshell completion bash)"
    })
public final class CompletionCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "SHELL",
      description = "Shell: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Shells.class)
  String shell;

  /** The shells a script can be generated for. */
  static final class Shells extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Shells() {
      super(List.of("bash"));
    }
  }

  @Override
  protected void run() {
    if (!shell.equals("bash")) {
      throw new ParameterException(
          spec.commandLine(), "unsupported shell '" + shell + "' (expected bash)");
    }
    out().print(AutoComplete.bash("kubectl-openshell", spec.root().commandLine()));
  }
}
