package io.openshell.policy.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code refresh} of a profile credential (§2.4).
 *
 * @param strategy refresh strategy
 * @param tokenUrl token endpoint for OAuth-style strategies
 * @param scopes requested scopes
 * @param refreshBeforeSeconds refresh lead time (must be ≥ 0)
 * @param maxLifetimeSeconds maximum credential lifetime (must be ≥ 0)
 * @param material material the strategy needs
 * @param additionalOutputs co-minted outputs (aws_sts_assume_role only)
 */
public record CredentialRefresh(
    RefreshStrategy strategy,
    String tokenUrl,
    List<String> scopes,
    long refreshBeforeSeconds,
    long maxLifetimeSeconds,
    List<RefreshMaterial> material,
    List<AdditionalOutput> additionalOutputs) {
  public CredentialRefresh {
    Objects.requireNonNull(strategy, "strategy");
    tokenUrl = Checks.str(tokenUrl, "tokenUrl");
    scopes = Checks.list(scopes, "scopes");
    material = Checks.list(material, "material");
    additionalOutputs = Checks.list(additionalOutputs, "additionalOutputs");
  }
}
