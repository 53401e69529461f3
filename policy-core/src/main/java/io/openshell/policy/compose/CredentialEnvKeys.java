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
 * the Secret's keys are the whole set. OpenShell's legacy plugin-config keys do not exist on
 * Kubernetes, so its "conflicts with provider-generated config" rule never applies.
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
          out.add(
              Violation.error(
                  ViolationCode.DUPLICATE_CREDENTIAL_ENV_KEY,
                  "providers",
                  message(key, first, p.name())));
        }
      }
    }
    return out;
  }
}
