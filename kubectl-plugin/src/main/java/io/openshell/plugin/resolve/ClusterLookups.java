package io.openshell.plugin.resolve;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.crds.resolve.ProfileCatalogs;
import io.openshell.crds.resolve.ResolvedSandbox;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.resolve.SecretKeys;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.policy.Violation;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plugin's {@link SandboxLookups}: typed reads through the API server, once per command
 * (providers as one list per namespace). Resolution itself is the shared {@link
 * SandboxInputsResolver} of the {@code crds} module, the one the operator and the admission webhook
 * use, so the plugin's pre-checks see the inputs the operator will see.
 */
public final class ClusterLookups implements SandboxLookups {
  private final Cluster cluster;
  private final SandboxInputsResolver resolver;
  private final Map<String, Map<String, Provider>> providersByNamespace = new HashMap<>();
  private List<ProviderProfile> profiles;
  private Optional<OpenShellSettings> settings;

  public ClusterLookups(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.resolver = new SandboxInputsResolver(clock);
  }

  @Override
  public Optional<Provider> provider(String namespace, String name) {
    return Optional.ofNullable(
        providersByNamespace
            .computeIfAbsent(
                namespace,
                n -> {
                  Map<String, Provider> byName = new HashMap<>();
                  cluster.providers(n).forEach(p -> byName.put(p.getMetadata().getName(), p));
                  return byName;
                })
            .get(name));
  }

  /** Key names of the labelled Secret; a Secret the user may not read (403) gives none. */
  @Override
  public Optional<SecretKeys> credentialsSecret(String namespace, String name) {
    try {
      return cluster.secret(namespace, name).flatMap(SecretKeys::ofCredentialsSecret);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Collection<ProviderProfile> profiles() {
    if (profiles == null) {
      profiles = cluster.profiles();
    }
    return profiles;
  }

  @Override
  public Optional<OpenShellSettings> settings() {
    if (settings == null) {
      settings = cluster.settings();
    }
    return settings;
  }

  /** {@code sandbox} (as stored, or a candidate edit of it) through the shared resolver. */
  public ResolvedSandbox resolve(Sandbox sandbox) {
    return resolver.resolve(sandbox, this);
  }

  /**
   * The composition the operator would make of {@code resolved}: rejected with the conversion
   * errors when an object cannot be converted, else policy-core's verdict.
   */
  public static CompositionResult compose(ResolvedSandbox resolved) {
    return resolved.conversionErrors().isEmpty()
        ? PolicyEngine.compose(resolved.inputs())
        : new CompositionResult.Rejected(resolved.conversionErrors(), List.of());
  }

  /** Inputs of every sandbox in every namespace, as stored. */
  public List<SandboxInputs> allSandboxes() {
    return cluster.allSandboxes().stream().map(s -> resolve(s).inputs()).toList();
  }

  /** The catalog composition sees: built-ins plus the custom profiles (shared rules). */
  public ProfileCatalog catalog() {
    return ProfileCatalogs.of(profiles());
  }

  /** The settings singleton (defaults when absent); refused when its global policy is invalid. */
  public Settings currentSettings() {
    return settingsOf(settings());
  }

  /** Settings of a settings object; refused when its global policy cannot be converted. */
  public static Settings settingsOf(Optional<OpenShellSettings> object) {
    List<Violation> errors = new ArrayList<>();
    Settings s = SandboxInputsResolver.settings(object, errors);
    if (!errors.isEmpty()) {
      throw new Refused(
          "OpenShellSettings/cluster has an invalid global policy.",
          errors.stream().map(Violation::message).collect(Collectors.joining("\n")));
    }
    return s;
  }
}
