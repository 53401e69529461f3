package io.openshell.policy.lint;

import io.openshell.policy.Violation;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.TokenGrant;
import java.util.List;

/** The token_grant audience_overrides ambiguity rule of §2.4 (pending the shared matcher). */
final class AudienceOverrides {
  private AudienceOverrides() {}

  static List<Violation> check(CredentialProfile c, TokenGrant g, List<NetworkEndpoint> endpoints) {
    return List.of();
  }
}
