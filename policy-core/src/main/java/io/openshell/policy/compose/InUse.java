package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.ProviderTypes;
import io.openshell.policy.model.ProviderRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Delete protection (§4.4, §8 Delete): a profile or a provider cannot be deleted while a sandbox
 * uses it.
 */
public final class InUse {
  private InUse() {}

  /**
   * Why profile {@code profileId} cannot be deleted, if it cannot: some sandbox has an attached,
   * existing provider whose type, normalised as a profile id (trimmed, lower-cased, no alias
   * resolution: {@code normalize_profile_id(type) == id}, grpc/provider.rs:3342), is it (providers
   * that exist but are not attached do not block). Message "provider profile '{id}' is in use by
   * sandboxes: {ns/name, ...}", sorted and de-duplicated.
   */
  public static Optional<Violation> profileInUse(
      String profileId, Collection<SandboxInputs> sandboxes) {
    TreeSet<String> users = new TreeSet<>();
    for (SandboxInputs in : sandboxes) {
      for (String name : in.providers()) {
        ProviderRecord r = in.providerRecords().get(name);
        if (r != null
            && ProviderTypes.normalizeProfileId(r.type()).map(profileId::equals).orElse(false)) {
          users.add(in.qualifiedName());
          break;
        }
      }
    }
    if (users.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.error(
            ViolationCode.IN_USE,
            "",
            "provider profile '"
                + profileId
                + "' is in use by sandboxes: "
                + String.join(", ", users)));
  }

  /**
   * Why provider {@code provider} in {@code namespace} cannot be deleted, if it cannot: it is
   * attached to a sandbox of that namespace. Message "provider '{name}' is attached to sandbox(es):
   * {names}" with bare sandbox names, sorted and de-duplicated.
   *
   * @param attachedBySandbox sandbox name → attached provider names, for sandboxes of {@code
   *     namespace}
   */
  public static Optional<Violation> providerAttached(
      String provider, Map<String, List<String>> attachedBySandbox) {
    TreeSet<String> users = new TreeSet<>();
    attachedBySandbox.forEach(
        (sandbox, providers) -> {
          if (providers.contains(provider)) {
            users.add(sandbox);
          }
        });
    if (users.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.error(
            ViolationCode.IN_USE,
            "",
            "provider '" + provider + "' is attached to sandbox(es): " + String.join(", ", users)));
  }

  /** {@link #providerAttached(String, Map)} over sandboxes of {@code namespace}. */
  public static Optional<Violation> providerAttached(
      String namespace, String provider, Collection<SandboxInputs> sandboxes) {
    Map<String, List<String>> byName = new java.util.TreeMap<>();
    for (SandboxInputs in : sandboxes) {
      if (in.namespace().equals(namespace)) {
        byName.put(in.name(), in.providers());
      }
    }
    return providerAttached(provider, byName);
  }
}
