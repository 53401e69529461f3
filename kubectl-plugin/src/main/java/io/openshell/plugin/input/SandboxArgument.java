package io.openshell.plugin.input;

import picocli.CommandLine.Parameters;

/** The {@code SANDBOX} argument (first positional), checked as a DNS-1123 label. */
public final class SandboxArgument {
  @Parameters(
      index = "0",
      paramLabel = "SANDBOX",
      converter = Names.Sandbox.class,
      description = "Sandbox name.")
  String name;

  public String name() {
    return name;
  }
}
