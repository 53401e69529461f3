package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import java.util.Optional;

/**
 * A provider's type is immutable (§4.2, OpenShell's {@code update_provider}: "type cannot be
 * changed"). The CRD enforces it with CEL and the webhook refuses it; this is the same rule for
 * where neither runs (development API server, webhook off), so the operator keeps the type the
 * provider was first seen with.
 */
public final class ProviderTypeChange {
  /** OpenShell's CLI wording, also the CRD's CEL message. */
  public static final String MESSAGE =
      "provider type cannot be changed; delete and recreate the provider";

  private ProviderTypeChange() {}

  /**
   * The violation when {@code current} differs from {@code recorded} (the first type seen); none
   * when nothing was recorded yet or they are equal.
   */
  public static Optional<Violation> check(String provider, String recorded, String current) {
    if (recorded == null || recorded.equals(current)) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.error(
            ViolationCode.PROVIDER_TYPE_CHANGED,
            "spec.type",
            "provider '"
                + provider
                + "' type changed from '"
                + recorded
                + "' to '"
                + current
                + "': "
                + MESSAGE));
  }
}
