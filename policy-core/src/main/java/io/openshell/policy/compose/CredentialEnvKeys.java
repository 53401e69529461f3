package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.ProviderTypes;
import io.openshell.policy.model.ProviderRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Duplicate active credential env keys (§6.2): two providers of one sandbox may not offer the same
 * environment variable.
 *
 * <p>A provider's active keys are the keys of its credentials Secret (names only) that are valid
 * env names ({@code ^[A-Za-z_][A-Za-z0-9_]*$}), not expired at {@code now} (an expiry at or before
 * the epoch means "never", like OpenShell's {@code ≤ 0}), and injectable ({@code
 * GOOGLE_SERVICE_ACCOUNT_KEY} of a {@code google-vertex-ai} provider never is). OpenShell also
 * reserves the keys of configured refresh states; provider records here carry no refresh state, so
 * the Secret's keys are the whole set.
 *
 * <p>Provider plugins also generate env keys from a provider's {@code config} ({@code
 * provider_plugin_environment_keys}, grpc/provider.rs:1842-1846): {@code google-cloud} and {@code
 * google-vertex-ai} providers. A credential key of one provider equal to a generated key of another
 * is "credential env key '{k}' from provider '{a}' conflicts with provider-generated config from
 * provider '{b}'; use provider-specific env names" (grpc/provider.rs:1848-1901). Only config key
 * names reach policy-core, so a present config key counts as a non-blank value.
 */
public final class CredentialEnvKeys {
  private static final Pattern ENV_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  private CredentialEnvKeys() {}

  /** True for valid environment variable names. */
  public static boolean isValidEnvKey(String key) {
    return ENV_KEY.matcher(key).matches();
  }

  /**
   * Whether {@code record} stores a credential the gateway would inject: any key except a {@code
   * google-vertex-ai} provider's GOOGLE_SERVICE_ACCOUNT_KEY, whatever its expiry or name
   * (OpenShell's {@code has_static_credentials}, grpc/provider.rs:3140-3143, 2119-2123).
   */
  public static boolean hasStaticCredentials(ProviderRecord record) {
    boolean vertex =
        ProviderTypes.profileIdForType(record.type()).map("google-vertex-ai"::equals).orElse(false);
    return record.credentialKeys().stream()
        .anyMatch(k -> !(vertex && k.equals("GOOGLE_SERVICE_ACCOUNT_KEY")));
  }

  /** The active keys of {@code record} at {@code now}, sorted. */
  public static List<String> activeKeys(ProviderRecord record, Instant now) {
    boolean vertex =
        ProviderTypes.profileIdForType(record.type()).map("google-vertex-ai"::equals).orElse(false);
    TreeSet<String> keys = new TreeSet<>();
    for (String key : record.credentialKeys()) {
      if (vertex && key.equals("GOOGLE_SERVICE_ACCOUNT_KEY")) {
        continue;
      }
      if (!isValidEnvKey(key)) {
        continue;
      }
      Instant expiry = record.credentialExpiresAt().get(key);
      if (expiry != null && expiry.isAfter(Instant.EPOCH) && !expiry.isAfter(now)) {
        continue;
      }
      keys.add(key);
    }
    return new ArrayList<>(keys);
  }

  /** OpenShell's text for a key offered by two providers. */
  public static String message(String key, String first, String second) {
    return "credential env key '"
        + key
        + "' is provided by both provider '"
        + first
        + "' and provider '"
        + second
        + "'; use provider-specific env names";
  }

  /**
   * One {@code DUPLICATE_CREDENTIAL_ENV_KEY} error per key offered by a later provider that an
   * earlier provider already offers (providers in stored order, a repeated name counted once,
   * missing records skipped). OpenShell stops at the first; this reports all.
   */
  public static List<Violation> check(List<ResolvedProvider> providers, Instant now) {
    Map<String, String> seen = new HashMap<>();
    Map<String, String> seenConfig = new HashMap<>();
    LinkedHashSet<String> names = new LinkedHashSet<>();
    List<Violation> out = new ArrayList<>();
    for (ResolvedProvider p : providers) {
      Optional<ProviderRecord> record = p.record();
      if (record.isEmpty() || !names.add(p.name())) {
        continue;
      }
      for (String key : activeKeys(record.get(), now)) {
        String first = seen.putIfAbsent(key, p.name());
        if (first != null && !first.equals(p.name())) {
          out.add(error(message(key, first, p.name())));
        }
        String config = seenConfig.get(key);
        if (config != null && !config.equals(p.name())) {
          out.add(error(configMessage(key, p.name(), config)));
        }
      }
      for (String key : pluginEnvironmentKeys(record.get())) {
        String credential = seen.get(key);
        if (credential != null && !credential.equals(p.name())) {
          out.add(error(configMessage(key, credential, p.name())));
        }
        seenConfig.putIfAbsent(key, p.name());
      }
    }
    return out;
  }

  /** OpenShell's text for a credential key that a plugin of another provider generates. */
  public static String configMessage(String key, String credentialProvider, String configProvider) {
    return "credential env key '"
        + key
        + "' from provider '"
        + credentialProvider
        + "' conflicts with provider-generated config from provider '"
        + configProvider
        + "'; use provider-specific env names";
  }

  /**
   * The env keys a provider plugin generates (openshell-providers providers/google_cloud.rs:33-70,
   * providers/vertex.rs:48-80; names from openshell-core google_cloud.rs): google-cloud's {@code
   * project_id}, {@code region}, {@code service_account_email} and always GCE_METADATA_HOST;
   * google-vertex-ai's VERTEX_AI_PROJECT_ID, VERTEX_AI_REGION and always GOOSE_PROVIDER.
   */
  public static List<String> pluginEnvironmentKeys(ProviderRecord record) {
    String type = ProviderTypes.profileIdForType(record.type()).orElse("");
    List<String> config = record.configKeys();
    List<String> keys = new ArrayList<>();
    if (type.equals("google-cloud")) {
      if (config.contains("project_id")) {
        keys.addAll(List.of("GCP_PROJECT_ID", "GOOGLE_CLOUD_PROJECT"));
      }
      if (config.contains("region")) {
        keys.addAll(List.of("CLOUD_ML_REGION", "GCP_LOCATION"));
      }
      keys.add("GCE_METADATA_HOST");
      if (config.contains("service_account_email")) {
        keys.add("GCP_SERVICE_ACCOUNT_EMAIL");
      }
    } else if (type.equals("google-vertex-ai")) {
      if (config.contains("VERTEX_AI_PROJECT_ID")) {
        keys.addAll(
            List.of("GCP_PROJECT_ID", "GOOGLE_CLOUD_PROJECT", "ANTHROPIC_VERTEX_PROJECT_ID"));
      }
      if (config.contains("VERTEX_AI_REGION")) {
        keys.addAll(List.of("CLOUD_ML_REGION", "GCP_LOCATION", "VERTEX_LOCATION"));
      }
      keys.add("GOOSE_PROVIDER");
    }
    return keys;
  }

  private static Violation error(String message) {
    return Violation.error(ViolationCode.DUPLICATE_CREDENTIAL_ENV_KEY, "providers", message);
  }
}
