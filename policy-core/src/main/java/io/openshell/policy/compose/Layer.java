package io.openshell.policy.compose;

import java.util.Objects;

/**
 * What one attached provider contributed to the effective policy.
 *
 * @param provider provider name
 * @param type provider type as written on the provider
 * @param profile resolved profile id, {@code ""} when the type has no profile
 * @param profileGeneration the resolved profile's generation ({@code 0} for built-ins or none)
 * @param ruleKey the {@code _provider_*} key it produced, {@code ""} when it produced none
 */
public record Layer(
    String provider, String type, String profile, long profileGeneration, String ruleKey) {
  public Layer {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(ruleKey, "ruleKey");
  }
}
