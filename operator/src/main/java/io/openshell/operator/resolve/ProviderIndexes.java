package io.openshell.operator.resolve;

import io.openshell.crds.resolve.ProviderRecords;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.policy.catalog.ProviderTypes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cache indexes over Providers: by credentials Secret and by the profile id their type names. */
public final class ProviderIndexes {
  private ProviderIndexes() {}

  /** Providers by {@code <namespace>/<credentials Secret name>}. */
  public static final String BY_SECRET = "providersBySecret";

  /** Providers by the profile id their type resolves to (aliases applied, §2.2). */
  public static final String BY_PROFILE = "providersByProfile";

  public static final Function<Provider, List<String>> BY_SECRET_FUNCTION =
      provider ->
          ProviderRecords.secretName(provider)
              .map(s -> List.of(secretKey(provider.getMetadata().getNamespace(), s)))
              .orElse(List.of());

  public static final Function<Provider, List<String>> BY_PROFILE_FUNCTION =
      provider -> profileId(provider).map(List::of).orElse(List.of());

  /** The {@link #BY_SECRET} key of a Secret. */
  public static String secretKey(String namespace, String secret) {
    return namespace + "/" + secret;
  }

  /** The profile id a provider's type resolves to, if the type can name one. */
  public static Optional<String> profileId(Provider provider) {
    String type = provider.getSpec() == null ? null : provider.getSpec().getType();
    return type == null ? Optional.empty() : ProviderTypes.profileIdForType(type);
  }
}
