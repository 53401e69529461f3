package io.openshell.plugin;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code OPENSHELL_PLUGIN_TRACE=1}: one line on stderr per phase of a command, with the time since
 * the JVM started, to see where a command's time goes (docs/plugin.md, "Start-up"). Off by default;
 * the lines never carry arguments, names or credentials.
 */
final class StartupTrace {
  static final String VARIABLE = "OPENSHELL_PLUGIN_TRACE";

  private static final StartupTrace SILENT = new StartupTrace(null, Optional.empty());
  private static volatile StartupTrace installed = SILENT;

  private final PrintStream out;
  private final Optional<Instant> processStart;

  private StartupTrace(PrintStream out, Optional<Instant> processStart) {
    this.out = out;
    this.processStart = processStart;
  }

  /** Tracing to {@code out} when {@code env} sets the variable to 1 or true, else silent. */
  static StartupTrace fromEnvironment(Map<String, String> env, PrintStream out) {
    String value = env.getOrDefault(VARIABLE, "").trim().toLowerCase(Locale.ROOT);
    if (!value.equals("1") && !value.equals("true")) {
      return SILENT;
    }
    // the JVM's own start time: the process start the kernel reports is only exact to the second
    return new StartupTrace(
        out,
        Optional.of(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())));
  }

  /** Makes {@code trace} the one {@link #at} prints to (the CLI's {@code main} does). */
  static StartupTrace install(StartupTrace trace) {
    installed = trace;
    return trace;
  }

  /** Marks {@code phase} on the installed trace (silent unless {@code main} installed one). */
  static void at(String phase) {
    installed.mark(phase);
  }

  /** Prints {@code phase} with the seconds since the JVM started (when tracing). */
  void mark(String phase) {
    if (out == null) {
      return;
    }
    String since =
        processStart
            .map(start -> Duration.between(start, Instant.now()).toMillis())
            .map(ms -> String.format(Locale.ROOT, "%.3fs", ms / 1000.0))
            .orElse("?");
    out.println("kubectl-openshell trace: " + since + " " + phase);
    out.flush();
  }
}
