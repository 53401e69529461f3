package io.openshell.plugin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared plumbing for leaf commands: the session, stdout and stderr of the running command line.
 */
@picocli.CommandLine.Command
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  /** The connection for this invocation (one per {@code execute}). */
  protected Session session() {
    return ((KubectlOpenShell) spec.root().userObject()).session();
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public final Integer call() throws Exception {
    run();
    out().flush();
    err().flush();
    return 0;
  }

  /** Does the work; throws {@link Refused} for a refused operation (exit 1). */
  protected abstract void run() throws Exception;
}
