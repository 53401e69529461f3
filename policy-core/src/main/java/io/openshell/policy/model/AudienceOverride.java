package io.openshell.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token-grant audience override for a host/port/path selector. Absent selector parts default to
 * the profile endpoint's values.
 *
 * @param host host selector
 * @param port port selector ({@code 0} = the endpoint's ports)
 * @param path path selector
 * @param audience audience to request (required)
 * @param scopes scopes to request
 */
public record AudienceOverride(
    Optional<String> host, int port, Optional<String> path, String audience, List<String> scopes) {
  public AudienceOverride {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    audience = Checks.str(audience, "audience");
    scopes = Checks.list(scopes, "scopes");
  }
}
