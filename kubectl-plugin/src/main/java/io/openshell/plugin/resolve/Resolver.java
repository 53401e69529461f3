package io.openshell.plugin.resolve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Fields;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.sandbox.ProviderRecords;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the cluster into policy-core inputs, as the operator resolves them: the profile catalog
 * (built-ins plus custom {@code ProviderProfile}s), the settings singleton, and one {@link
 * SandboxInputs} per sandbox. Provider lists are read once per namespace.
 */
public final class Resolver {
  private final Cluster cluster;
  private final Clock clock;
  private final Map<String, Map<String, GenericKubernetesResource>> providersByNamespace =
      new HashMap<>();
  private ProfileCatalog catalog;
  private Settings settings;

  public Resolver(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  /** True when a {@code ProviderProfile} resource is one of the built-ins. */
  public static boolean isBuiltin(GenericKubernetesResource profile) {
    Map<String, String> labels = profile.getMetadata().getLabels();
    return (labels != null && "builtin".equals(labels.get(Kinds.SOURCE_LABEL)))
        || BuiltinProfiles.isBuiltin(profile.getMetadata().getName());
  }

  /**
   * Built-ins from policy-core (authoritative: the operator restores them) plus every custom
   * profile resource, with its generation.
   */
  public ProfileCatalog catalog() {
    if (catalog == null) {
      List<CatalogEntry> entries = new ArrayList<>(BuiltinProfiles.all());
      for (GenericKubernetesResource p : cluster.profiles()) {
        if (!isBuiltin(p)) {
          Long gen = p.getMetadata().getGeneration();
          var c = Convert.profile(p);
          // a profile the model cannot hold is not usable, as the operator treats it
          if (!c.hasErrors()) {
            entries.add(new CatalogEntry(c.value(), ProfileSource.USER, gen == null ? 0 : gen));
          }
        }
      }
      catalog = ProfileCatalog.of(entries);
    }
    return catalog;
  }

  /** The {@code OpenShellSettings/cluster} singleton; defaults when it does not exist. */
  public Settings settings() {
    if (settings == null) {
      settings = cluster.settings().map(Resolver::settingsOf).orElse(Settings.DEFAULTS);
    }
    return settings;
  }

  /** Settings of a resource. */
  public static Settings settingsOf(GenericKubernetesResource s) {
    Optional<SandboxPolicy> global =
        Fields.get(s, "spec", "globalPolicy")
            .map(p -> Convert.policy(p, "OpenShellSettings/cluster has an invalid global policy."));
    Long gen = s.getMetadata().getGeneration();
    return new Settings(
        Fields.bool(s, "spec", "providersV2Enabled"), global, gen == null ? 0 : gen);
  }

  /** The inputs of {@code sandbox} as stored. */
  public SandboxInputs inputs(GenericKubernetesResource sandbox) {
    return inputs(sandbox, Fields.strings(sandbox, "spec", "providers"));
  }

  /** The inputs of {@code sandbox} with a candidate provider list. */
  public SandboxInputs inputs(GenericKubernetesResource sandbox, List<String> providers) {
    return inputs(sandbox, providers, settings());
  }

  /** The inputs of {@code sandbox} with a candidate provider list and candidate settings. */
  public SandboxInputs inputs(
      GenericKubernetesResource sandbox, List<String> providers, Settings candidateSettings) {
    return inputs(
        sandbox,
        providers,
        candidateSettings,
        Fields.get(sandbox, "spec", "policy")
            .map(
                p ->
                    Convert.policy(
                        p,
                        "Sandbox "
                            + sandbox.getMetadata().getName()
                            + " has a policy that cannot be read.")));
  }

  /** The inputs of {@code sandbox} with candidate providers, settings and base policy. */
  public SandboxInputs inputs(
      GenericKubernetesResource sandbox,
      List<String> providers,
      Settings candidateSettings,
      Optional<SandboxPolicy> policy) {
    String ns = sandbox.getMetadata().getNamespace();
    Map<String, GenericKubernetesResource> available = providers(ns);
    Map<String, ProviderRecord> records = new LinkedHashMap<>();
    for (String name : providers) {
      GenericKubernetesResource p = available.get(name);
      if (p != null) {
        records.put(name, ProviderRecords.of(cluster, ns, p));
      }
    }
    return new SandboxInputs(
        ns,
        sandbox.getMetadata().getName(),
        policy,
        providers,
        records,
        catalog(),
        candidateSettings,
        clock.instant());
  }

  /** Inputs of every sandbox in every namespace, as stored. */
  public List<SandboxInputs> allSandboxes() {
    return cluster.allSandboxes().stream().map(this::inputs).toList();
  }

  private Map<String, GenericKubernetesResource> providers(String ns) {
    return providersByNamespace.computeIfAbsent(
        ns,
        n -> {
          Map<String, GenericKubernetesResource> byName = new HashMap<>();
          cluster.providers(n).forEach(p -> byName.put(p.getMetadata().getName(), p));
          return byName;
        });
  }
}
