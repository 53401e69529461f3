package io.openshell.devapi;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Command-line parsing shared by the development tools (this server, dev-mode, load-harness). */
public final class CommandLines {
  private CommandLines() {}

  /**
   * Parses {@code args} into the picocli-annotated {@code command}; a bad option or value becomes
   * an {@link IllegalArgumentException} naming it, followed by the usage.
   */
  public static CommandLine parse(Object command, String... args) {
    CommandLine line = new CommandLine(command);
    try {
      line.parseArgs(args);
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + "\n" + line.getUsageMessage(), e);
    }
    return line;
  }
}
