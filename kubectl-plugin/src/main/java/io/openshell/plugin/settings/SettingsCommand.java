package io.openshell.plugin.settings;

import io.openshell.plugin.GroupCommand;
import picocli.CommandLine.Command;

/** {@code settings ...}: the {@code OpenShellSettings/cluster} singleton. */
@Command(name = "settings", description = "Show or change gateway-global settings.")
public final class SettingsCommand extends GroupCommand {}
