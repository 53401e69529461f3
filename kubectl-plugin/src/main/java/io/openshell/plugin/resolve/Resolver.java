package io.openshell.plugin.resolve;

import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.kube.Cluster;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the cluster into policy-core inputs, as the operator resolves them: the profile catalog
 * (built-ins plus custom {@code ProviderProfile}s), the settings singleton, and one {@link
 * SandboxInputs} per sandbox.
 */
public final class Resolver {
  private final ClusterLookups lookups;
  private final Cluster cluster;
  private final Clock clock;
  private ProfileCatalog catalog;
  private Settings settings;

  public Resolver(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.lookups = new ClusterLookups(cluster);
    this.clock = clock;
  }

  /** True when a {@code ProviderProfile} object's name is a built-in id (labels do not count). */
  public static boolean isBuiltin(ProviderProfile profile) {
    return BuiltinProfiles.isBuiltin(profile.getMetadata().getName());
  }

  /**
   * Built-ins from policy-core (authoritative: the operator restores them) plus every custom
   * profile that converts and is not being deleted, with its generation.
   */
  public ProfileCatalog catalog() {
    if (catalog == null) {
      List<CatalogEntry> entries = new ArrayList<>(BuiltinProfiles.all());
      for (ProviderProfile p : lookups.profiles()) {
        if (isBuiltin(p) || p.getMetadata().getDeletionTimestamp() != null) {
          continue;
        }
        var c = ProfileConverter.toModel(p);
        // a profile the model cannot hold is not usable, as the operator treats it
        if (!c.hasErrors()) {
          Long gen = p.getMetadata().getGeneration();
          entries.add(new CatalogEntry(c.value(), ProfileSource.USER, gen == null ? 0 : gen));
        }
      }
      catalog = ProfileCatalog.of(entries);
    }
    return catalog;
  }

  /** The {@code OpenShellSettings/cluster} singleton; defaults when it does not exist. */
  public Settings settings() {
    if (settings == null) {
      settings = lookups.settings().map(Resolver::settingsOf).orElse(Settings.DEFAULTS);
    }
    return settings;
  }

  /** Settings of a settings object. */
  public static Settings settingsOf(OpenShellSettings s) {
    var spec = s.getSpec();
    Optional<SandboxPolicy> global =
        spec == null || spec.getGlobalPolicy() == null
            ? Optional.empty()
            : Optional.of(
                Convert.policy(
                    spec.getGlobalPolicy(),
                    "OpenShellSettings/cluster has an invalid global policy."));
    Long gen = s.getMetadata().getGeneration();
    return new Settings(
        spec != null && Boolean.TRUE.equals(spec.getProvidersV2Enabled()),
        global,
        gen == null ? 0 : gen);
  }

  /** The attached provider names in stored order, duplicates dropped (the CRD lists a set). */
  public static List<String> attachedProviders(Sandbox sandbox) {
    List<String> raw = sandbox.getSpec() == null ? null : sandbox.getSpec().getProviders();
    return raw == null ? List.of() : List.copyOf(new LinkedHashSet<>(raw));
  }

  /** The stored base policy of {@code sandbox}. */
  public static Optional<SandboxPolicy> policy(Sandbox sandbox) {
    return Optional.ofNullable(sandbox.getSpec())
        .map(s -> s.getPolicy())
        .map(
            p ->
                Convert.policy(
                    p,
                    "Sandbox "
                        + sandbox.getMetadata().getName()
                        + " has a policy that cannot be read."));
  }

  /** The inputs of {@code sandbox} as stored. */
  public SandboxInputs inputs(Sandbox sandbox) {
    return inputs(sandbox, attachedProviders(sandbox));
  }

  /** The inputs of {@code sandbox} with a candidate provider list. */
  public SandboxInputs inputs(Sandbox sandbox, List<String> providers) {
    return inputs(sandbox, providers, settings(), policy(sandbox));
  }

  /** The inputs of {@code sandbox} with candidate providers, settings and base policy. */
  public SandboxInputs inputs(
      Sandbox sandbox,
      List<String> providers,
      Settings candidateSettings,
      Optional<SandboxPolicy> policy) {
    String ns = sandbox.getMetadata().getNamespace();
    Map<String, ProviderRecord> records = new LinkedHashMap<>();
    for (String name : providers) {
      lookups
          .provider(ns, name)
          .ifPresent(
              p ->
                  records.put(
                      name,
                      ProviderRecords.of(
                          p,
                          ProviderRecords.secretName(p)
                              .flatMap(s -> lookups.credentialsSecret(ns, s)))));
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
}
