package io.openshell.policy.model;

/**
 * {@code credential_binding} on a sandbox-policy endpoint (§5.8): binds the credentials of an
 * attached provider whose profile has no endpoints to this endpoint.
 *
 * @param provider name of an attached provider (not a profile id)
 */
public record CredentialBinding(String provider) {
  public CredentialBinding {
    provider = Checks.str(provider, "provider");
  }
}
