package io.openshell.plugin.profile;

import io.openshell.plugin.GroupCommand;
import picocli.CommandLine.Command;

/** {@code profile ...}: provider profiles (cluster-scoped {@code ProviderProfile} resources). */
@Command(
    name = "profile",
    description = "List, export, import, update, lint and delete provider profiles.")
public final class ProfileCommand extends GroupCommand {}
