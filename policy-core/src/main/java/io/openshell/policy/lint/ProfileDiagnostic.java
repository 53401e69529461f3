package io.openshell.policy.lint;

import io.openshell.policy.Violation;
import java.util.Objects;

/**
 * A {@link Violation} of one profile in a batch: OpenShell's {@code ProviderProfileDiagnostic}
 * carries the profile id next to field, message and severity.
 *
 * @param index position of the profile in the batch, {@code -1} for a diagnostic about the batch
 * @param profileId the profile's id as given (trimmed; {@code ""} when missing)
 * @param violation the broken rule
 */
public record ProfileDiagnostic(int index, String profileId, Violation violation) {
  public ProfileDiagnostic {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(violation, "violation");
  }
}
