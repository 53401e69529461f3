package io.openshell.crds.resolve;

import io.fabric8.kubernetes.api.model.Secret;
import io.openshell.crds.v1alpha1.Provider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What resolution may know of a provider's credentials Secret: its key names and its {@code
 * resourceVersion}, never a value. This is the only place that turns a {@link Secret} into
 * something composition reads; the values are not copied, so they cannot leave the code that read
 * the Secret.
 *
 * @param names the sorted key names of {@code data} and {@code stringData}
 * @param resourceVersion the Secret's {@code metadata.resourceVersion}, {@code ""} when unknown
 */
public record SecretKeys(List<String> names, String resourceVersion) {
  public SecretKeys {
    names = List.copyOf(new TreeSet<>(names));
    resourceVersion = Objects.requireNonNullElse(resourceVersion, "");
  }

  /**
   * Why a provider's credentials Secret gave no keys, in the one wording the provider's and the
   * sandbox's status share.
   */
  public static String unusableMessage(String secretName) {
    return "secret '"
        + secretName
        + "' not found, or not labelled "
        + Provider.CREDENTIALS_LABEL
        + "=true";
  }

  /**
   * The key names of a provider's credentials Secret, or empty when the Secret has not opted in
   * with the label {@value Provider#CREDENTIALS_LABEL}{@code : "true"}. The operator only watches
   * labelled Secrets, so an unlabelled Secret is treated exactly like a missing one by everyone
   * that resolves (operator, webhook, plugin).
   */
  public static Optional<SecretKeys> ofCredentialsSecret(Secret secret) {
    if (secret == null || !isOptedIn(secret)) {
      return Optional.empty();
    }
    return Optional.of(new SecretKeys(names(secret), secret.getMetadata().getResourceVersion()));
  }

  /** The sorted key names of a Secret ({@code data} and {@code stringData}); no value is read. */
  public static List<String> names(Secret secret) {
    TreeSet<String> keys = new TreeSet<>();
    if (secret.getData() != null) {
      keys.addAll(secret.getData().keySet());
    }
    if (secret.getStringData() != null) {
      keys.addAll(secret.getStringData().keySet());
    }
    return List.copyOf(keys);
  }

  private static boolean isOptedIn(Secret secret) {
    Map<String, String> labels =
        secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
    return labels != null && "true".equals(labels.get(Provider.CREDENTIALS_LABEL));
  }
}
