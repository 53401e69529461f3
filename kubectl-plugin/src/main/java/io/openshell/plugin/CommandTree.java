package io.openshell.plugin;

import io.openshell.plugin.policy.PolicyCommand;
import io.openshell.plugin.policy.PolicyGetCommand;
import io.openshell.plugin.policy.PolicySetCommand;
import io.openshell.plugin.profile.ConvertCommand;
import io.openshell.plugin.profile.ProfileCommand;
import io.openshell.plugin.profile.ProfileDeleteCommand;
import io.openshell.plugin.profile.ProfileExportCommand;
import io.openshell.plugin.profile.ProfileImportCommand;
import io.openshell.plugin.profile.ProfileLintCommand;
import io.openshell.plugin.profile.ProfileListCommand;
import io.openshell.plugin.profile.ProfileUpdateCommand;
import io.openshell.plugin.sandbox.ProviderEditCommand;
import io.openshell.plugin.sandbox.ProvidersCommand;
import io.openshell.plugin.sandbox.StatusCommand;
import io.openshell.plugin.settings.GlobalPolicyCommand;
import io.openshell.plugin.settings.SettingsCommand;
import io.openshell.plugin.settings.SettingsGetCommand;
import io.openshell.plugin.settings.SettingsSetCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The plugin's command tree, in help order, and the part of it one command line needs.
 *
 * <p>picocli reads every command's annotations when a command is added (options, inherited options,
 * help texts): for the whole tree that is about a third of a command's start-up
 * (docs/benchmarks.md, "kubectl openshell start-up"). {@link #addFor} adds, at each level, only the
 * commands whose name is one of the command line's words; a command can only be invoked by its
 * name, so the parse is the one the whole tree gives. A level where no name matches gets all its
 * commands (usage errors list them, "did you mean" sees them), and so does every level when help or
 * completion is asked for.
 */
public final class CommandTree {
  private CommandTree() {}

  /** A command and its subcommands. */
  public record Node(Class<?> command, List<Node> subcommands) {
    /** The command's name, from its {@code @Command}. */
    public String name() {
      return command.getAnnotation(Command.class).name();
    }
  }

  private static Node leaf(Class<?> command) {
    return new Node(command, List.of());
  }

  private static Node group(Class<?> command, Node... subcommands) {
    return new Node(command, List.of(subcommands));
  }

  /** The subcommands of {@code kubectl openshell}. */
  public static final List<Node> ROOT =
      List.of(
          leaf(ProviderEditCommand.Attach.class),
          leaf(ProviderEditCommand.Detach.class),
          leaf(ProvidersCommand.class),
          group(PolicyCommand.class, leaf(PolicyGetCommand.class), leaf(PolicySetCommand.class)),
          group(
              ProfileCommand.class,
              leaf(ProfileListCommand.class),
              leaf(ProfileExportCommand.class),
              leaf(ProfileImportCommand.class),
              leaf(ProfileUpdateCommand.class),
              leaf(ProfileLintCommand.class),
              leaf(ProfileDeleteCommand.class)),
          leaf(ConvertCommand.class),
          group(
              SettingsCommand.class,
              leaf(SettingsGetCommand.class),
              leaf(SettingsSetCommand.class),
              group(
                  GlobalPolicyCommand.class,
                  leaf(GlobalPolicyCommand.Set.class),
                  leaf(GlobalPolicyCommand.Delete.class))),
          leaf(StatusCommand.class),
          leaf(CompletionCommand.class));

  /** Words that ask for help or a completion script: those need every command. */
  private static final Set<String> WHOLE_TREE =
      Set.of("-h", "--help", "help", "completion", "-V", "--version");

  /** Adds every command of the tree under {@code root}. */
  public static void addAll(CommandLine root) {
    add(root, ROOT, Set.of(), true);
  }

  /** Adds under {@code root} the commands {@code args} can invoke (see the class comment). */
  public static void addFor(CommandLine root, String... args) {
    Set<String> words = Set.copyOf(Arrays.asList(args));
    add(root, ROOT, words, words.stream().anyMatch(WHOLE_TREE::contains));
  }

  private static void add(CommandLine parent, List<Node> level, Set<String> words, boolean all) {
    boolean any = all || level.stream().noneMatch(n -> words.contains(n.name()));
    for (Node node : level) {
      if (any || words.contains(node.name())) {
        CommandLine child = new CommandLine(node.command(), parent.getFactory());
        parent.addSubcommand(node.name(), child);
        add(child, node.subcommands(), words, all);
      }
    }
  }
}
