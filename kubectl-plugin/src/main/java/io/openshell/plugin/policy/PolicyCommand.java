package io.openshell.plugin.policy;

import io.openshell.plugin.GroupCommand;
import picocli.CommandLine.Command;

/** {@code policy get|set}: a sandbox's base and effective policy. */
@Command(name = "policy", description = "Show or replace a sandbox's policy.")
public final class PolicyCommand extends GroupCommand {}
