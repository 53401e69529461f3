package io.openshell.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential a profile declares (§2.4).
 *
 * @param name credential name, unique in the profile
 * @param description human description
 * @param envVars environment variables the credential is offered under
 * @param required whether a provider must supply it (only used by §2.8)
 * @param authStyle {@code basic}, {@code bearer}, {@code header}, {@code path}, {@code query} or
 *     empty
 * @param headerName header for bearer/header auth
 * @param queryParam query parameter for query auth
 * @param pathTemplate template containing {@code {credential}} once, for path auth
 * @param refresh refresh configuration
 * @param tokenGrant dynamic token grant
 */
public record CredentialProfile(
    String name,
    String description,
    List<String> envVars,
    boolean required,
    String authStyle,
    String headerName,
    String queryParam,
    String pathTemplate,
    Optional<CredentialRefresh> refresh,
    Optional<TokenGrant> tokenGrant) {
  public CredentialProfile {
    name = Checks.str(name, "name");
    description = Checks.str(description, "description");
    envVars = Checks.list(envVars, "envVars");
    authStyle = Checks.str(authStyle, "authStyle");
    headerName = Checks.str(headerName, "headerName");
    queryParam = Checks.str(queryParam, "queryParam");
    pathTemplate = Checks.str(pathTemplate, "pathTemplate");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(tokenGrant, "tokenGrant");
  }

  /** Runtime-resolvable: has a token grant or a gateway-mintable refresh (§2.8). */
  public boolean isRuntimeResolvable() {
    return tokenGrant.isPresent()
        || refresh.map(r -> r.strategy().isGatewayMintable()).orElse(false);
  }
}
