package io.openshell.e2e;

/**
 * What a command printed and returned.
 *
 * @param exitCode process exit code
 * @param stdout standard output
 * @param stderr standard error
 */
record CommandResult(int exitCode, String stdout, String stderr) {
  boolean ok() {
    return exitCode == 0;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
