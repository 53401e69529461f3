package io.openshell.policy.model;

import java.util.List;

/**
 * {@code token_grant} of a profile credential: a dynamic token minted per request (§2.4, §6.3).
 *
 * @param tokenEndpoint absolute https URL (http only for loopback or in-cluster services)
 * @param audience default audience
 * @param jwtSvidAudience audience of the workload JWT-SVID
 * @param clientAssertionType client assertion type
 * @param scopes scopes
 * @param cacheTtlSeconds token cache TTL ({@code 0} = derived from {@code expires_in})
 * @param audienceOverrides per-selector audiences
 */
public record TokenGrant(
    String tokenEndpoint,
    String audience,
    String jwtSvidAudience,
    String clientAssertionType,
    List<String> scopes,
    long cacheTtlSeconds,
    List<AudienceOverride> audienceOverrides) {

  /** OpenShell's default {@code client_assertion_type}. */
  public static final String DEFAULT_CLIENT_ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  public TokenGrant {
    tokenEndpoint = Checks.str(tokenEndpoint, "tokenEndpoint");
    audience = Checks.str(audience, "audience");
    jwtSvidAudience = Checks.str(jwtSvidAudience, "jwtSvidAudience");
    clientAssertionType = Checks.str(clientAssertionType, "clientAssertionType");
    scopes = Checks.list(scopes, "scopes");
    audienceOverrides = Checks.list(audienceOverrides, "audienceOverrides");
  }
}
