package io.openshell.policy.compose;

import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything composition needs for one sandbox, resolved once by the caller.
 *
 * @param namespace sandbox namespace (OpenShell's workspace)
 * @param name sandbox name
 * @param policy the base (sandbox) policy, absent when the sandbox has none
 * @param providers attached provider names in stored order
 * @param providerRecords the attached providers that exist, by name (missing names are rejected)
 * @param catalog profile catalog snapshot
 * @param settings gateway settings
 * @param now the time used for credential expiry
 */
public record SandboxInputs(
    String namespace,
    String name,
    Optional<SandboxPolicy> policy,
    List<String> providers,
    Map<String, ProviderRecord> providerRecords,
    ProfileCatalog catalog,
    Settings settings,
    Instant now) {
  public SandboxInputs {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    providers = List.copyOf(providers);
    providerRecords = Map.copyOf(providerRecords);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
  }

  /** The same inputs with another profile catalog (a candidate profile substituted). */
  public SandboxInputs withCatalog(ProfileCatalog other) {
    return new SandboxInputs(
        namespace, name, policy, providers, providerRecords, other, settings, now);
  }

  /** {@code namespace/name}, as cluster-wide messages name sandboxes. */
  public String qualifiedName() {
    return namespace + "/" + name;
  }
}
