package io.openshell.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command tree, help and usage errors: nothing here needs a cluster. */
class CommandLineTest {

  /** Every command path of the tree, root first. */
  static Stream<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    collect(newCommandLine(), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    out.add(List.copyOf(prefix));
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> p = new ArrayList<>(prefix);
              p.add(name);
              collect(sub, p, out);
            });
  }

  static CommandLine newCommandLine() {
    return KubectlOpenShell.commandLine(
        o -> {
          throw new AssertionError("no cluster expected");
        },
        false,
        Clock.systemUTC());
  }

  /** As the CLI runs: a command line of the commands {@code args} name. */
  static Cli.Run run(String... args) {
    CommandLine cl =
        KubectlOpenShell.commandLineFor(
            args,
            o -> {
              throw new AssertionError("no cluster expected");
            },
            false,
            Clock.systemUTC());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Cli.Run(cl.execute(args), out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0} --help")
  @MethodSource("commandPaths")
  void helpOfEveryCommandExitsZeroAndPrintsUsage(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    Cli.Run r = run(args.toArray(String[]::new));
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: kubectl-openshell");
  }

  @Test
  void everyCommandOfTheContractExists() {
    List<String> paths = commandPaths().map(p -> String.join(" ", p)).toList();
    assertThat(paths)
        .contains(
            "attach",
            "detach",
            "providers",
            "policy get",
            "policy set",
            "profile list",
            "profile export",
            "profile import",
            "profile update",
            "profile lint",
            "profile delete",
            "convert",
            "settings get",
            "settings set",
            "settings global-policy set",
            "settings global-policy delete",
            "status",
            "completion");
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertThat(run().exitCode()).isEqualTo(2);
  }

  @Test
  void aGroupWithoutItsSubcommandIsAUsageError() {
    assertThat(run("profile").exitCode()).isEqualTo(2);
    assertThat(run("settings", "global-policy").exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingArgumentIsAUsageError() {
    Cli.Run r = run("attach", "box");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'PROVIDER'");
  }

  @Test
  void anOutputFormatWithoutDryRunIsAUsageErrorForProfileWrites() {
    Cli.Run r = run("profile", "update", "my-api", "-f", "x.yaml", "-o", "json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("-o is only supported with --dry-run");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(run("status", "--bogus").exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void anUnsupportedOutputFormatIsAUsageError() {
    Cli.Run r = run("profile", "list", "-o", "cr");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unsupported output format 'cr' (expected table, yaml, json)");
  }

  @Test
  void profileExportRefusesTableOutputAsAUsageError() {
    assertThat(run("profile", "export", "github", "-o", "table").exitCode()).isEqualTo(2);
  }

  @Test
  void importNeedsExactlyOneOfFileOrDirectory() {
    assertThat(run("profile", "import").exitCode()).isEqualTo(2);
    assertThat(run("profile", "lint", "-f", "a.yaml", "--from", "dir").exitCode()).isEqualTo(2);
  }

  @Test
  void anInvalidWaitDurationIsAUsageError() {
    assertThat(run("attach", "box", "p", "--wait=soon").exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownSettingIsAUsageError() {
    assertThat(run("settings", "set", "colour=blue").exitCode()).isEqualTo(2);
    assertThat(run("settings", "set", "providers-v2-enabled=maybe").exitCode()).isEqualTo(2);
  }

  @Test
  void bashCompletionCoversTheSubcommands() {
    Cli.Run r = run("completion", "bash");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F").contains("attach").contains("global-policy");
  }

  @Test
  void completionForAnUnsupportedShellIsAUsageError() {
    assertThat(run("completion", "fish").exitCode()).isEqualTo(2);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    Cli.Run r = run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("kubectl-openshell ").doesNotContain("unknown");
  }

  private static CommandLine commandLineFor(String... args) {
    return KubectlOpenShell.commandLineFor(
        args,
        o -> {
          throw new AssertionError("no cluster expected");
        },
        false,
        Clock.systemUTC());
  }

  /** The command a parse lands on (names from the root), or the usage error it raises. */
  private static String parseOutcome(CommandLine cl, String... args) {
    try {
      return cl.parseArgs(args).asCommandLineList().stream()
          .map(c -> c.getCommandName())
          .collect(java.util.stream.Collectors.joining(" "));
    } catch (CommandLine.ParameterException e) {
      return "usage error: " + e.getMessage();
    }
  }

  @Test
  void aCommandLineGetsOnlyTheCommandsItsWordsName() {
    assertThat(commandLineFor("providers", "demo").getSubcommands()).containsOnlyKeys("providers");
    CommandLine profileList = commandLineFor("profile", "list", "-o", "yaml");
    assertThat(profileList.getSubcommands()).containsOnlyKeys("profile");
    assertThat(profileList.getSubcommands().get("profile").getSubcommands())
        .containsOnlyKeys("list");
  }

  @Test
  void aLevelWhereNoWordNamesACommandGetsAllItsCommands() {
    CommandLine profileAlone = commandLineFor("profile");
    assertThat(profileAlone.getSubcommands().get("profile").getSubcommands())
        .containsKeys("list", "export", "import", "update", "lint", "delete");
    assertThat(commandLineFor("frobnicate").getSubcommands())
        .containsKeys("attach", "detach", "providers", "status", "completion");
  }

  @Test
  void helpVersionAndCompletionGetTheWholeTree() {
    int whole = newCommandLine().getSubcommands().size();
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"attach", "-h"},
            new String[] {"-V"},
            new String[] {"completion", "bash"},
            new String[] {"help", "status"})) {
      assertThat(commandLineFor(args).getSubcommands()).as(String.join(" ", args)).hasSize(whole);
    }
  }

  @Test
  void argumentsSpelledLikeCommandsParseAsWithTheWholeTree() {
    for (String[] args :
        List.of(
            new String[] {"attach", "box", "profile"},
            new String[] {"policy", "get", "status", "-o", "yaml"},
            new String[] {"-n", "profile", "status"},
            new String[] {"profile", "export", "list"})) {
      assertThat(parseOutcome(commandLineFor(args), args))
          .as(String.join(" ", args))
          .isEqualTo(parseOutcome(newCommandLine(), args));
    }
    String[] attach = {"attach", "box", "profile"};
    assertThat(parseOutcome(commandLineFor(attach), attach)).isEqualTo("kubectl-openshell attach");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandPaths")
  void everyCommandParsesAsWithTheWholeTree(List<String> path) {
    String[] args = path.toArray(String[]::new);
    assertThat(parseOutcome(commandLineFor(args), args))
        .isEqualTo(parseOutcome(newCommandLine(), args));
  }
}
