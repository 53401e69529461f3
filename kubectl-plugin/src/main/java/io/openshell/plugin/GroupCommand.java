package io.openshell.plugin;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: invoked alone it is a usage error (exit 2). */
@picocli.CommandLine.Command
public abstract class GroupCommand implements Runnable {
  @Spec protected CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
