package io.openshell.policy.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provider instance (§4.1) as policy-core sees it: names and versions only. Credential
 * <em>values</em> never enter policy-core; only the key names of the credentials Secret do.
 *
 * @param name provider name (free-form in OpenShell; a DNS subdomain on Kubernetes)
 * @param type profile id or alias (§2.2)
 * @param credentialKeys names of the stored credentials (environment variable names)
 * @param configKeys names of the non-secret config entries
 * @param credentialExpiresAt per credential key expiry
 * @param runtimeCredentials the provider stores no credentials; they are minted at runtime
 * @param revision a token that changes on every write of the provider or its credentials (for
 *     example {@code <provider resourceVersion>/<secret resourceVersion>})
 */
public record ProviderRecord(
    String name,
    String type,
    List<String> credentialKeys,
    List<String> configKeys,
    Map<String, Instant> credentialExpiresAt,
    boolean runtimeCredentials,
    String revision) {
  public ProviderRecord {
    name = Checks.str(name, "name");
    type = Checks.str(type, "type");
    credentialKeys = Checks.list(credentialKeys, "credentialKeys");
    configKeys = Checks.list(configKeys, "configKeys");
    credentialExpiresAt = Checks.sortedMap(credentialExpiresAt, "credentialExpiresAt");
    revision = Checks.str(revision, "revision");
  }
}
