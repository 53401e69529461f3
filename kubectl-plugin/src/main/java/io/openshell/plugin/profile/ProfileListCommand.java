package io.openshell.plugin.profile;

import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.output.OutputFormat;
import io.openshell.plugin.output.OutputOption;
import io.openshell.plugin.output.Table;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code profile list}: the catalog grouped by category, like OpenShell's {@code list-profiles}.
 */
@Command(
    name = "list",
    description = {
      "List provider profiles (built-in and custom), grouped by category.",
      "Example: kubectl openshell profile list -o yaml"
    })
public final class ProfileListCommand extends BaseCommand {
  @Mixin OutputOption outputOption;

  @Override
  protected void run() {
    OutputFormat output =
        outputOption.format(
            OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.YAML, OutputFormat.JSON);
    List<CatalogEntry> entries =
        new ClusterLookups(new Cluster(session().client()), session().clock())
            .catalog().entries().stream()
                .sorted(
                    Comparator.comparing((CatalogEntry e) -> e.profile().category().ordinal())
                        .thenComparing(CatalogEntry::id))
                .toList();
    List<ProviderProfile> profiles =
        entries.stream()
            .map(
                e ->
                    e.source() == ProfileSource.USER
                        ? e.profile().withResourceVersion(e.generation())
                        : e.profile())
            .toList();
    switch (output) {
      case YAML -> out().print(ProfileFiles.writeYaml(profiles));
      case JSON -> out().println(ProfileFiles.writeJson(profiles));
      default -> printTable(entries);
    }
  }

  private void printTable(List<CatalogEntry> entries) {
    if (entries.isEmpty()) {
      out().println("No provider profiles found.");
      return;
    }
    out().println("Available Provider Profiles:");
    for (ProfileCategory category : ProfileCategory.values()) {
      List<CatalogEntry> group =
          entries.stream().filter(e -> e.profile().category() == category).toList();
      if (group.isEmpty()) {
        continue;
      }
      out().println();
      out().println(category.yamlName().replace('_', ' ').toUpperCase(Locale.ROOT));
      Table t = new Table("ID", "SCOPE", "SOURCE", "NAME", "ENDPOINTS");
      for (CatalogEntry e : group) {
        ProviderProfile p = e.profile();
        String endpoints = p.endpoints().size() + (p.inferenceCapable() ? " inference" : "");
        t.row(
            truncate(p.id(), 32),
            e.source() == ProfileSource.BUILTIN ? "-" : "platform",
            truncate(e.source().label(), 24),
            truncate(p.displayName(), 40),
            endpoints);
      }
      t.print(out());
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
