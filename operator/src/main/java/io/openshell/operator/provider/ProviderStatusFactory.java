package io.openshell.operator.provider;

import static io.openshell.crds.Conditions.*;

import io.openshell.crds.resolve.ProviderRecords;
import io.openshell.crds.resolve.SecretKeys;
import io.openshell.crds.v1alpha1.ProfileReference;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderStatus;
import io.openshell.operator.status.DesiredCondition;
import io.openshell.operator.status.StatusFactory;
import io.openshell.policy.Violation;
import io.openshell.policy.compose.Composition;
import io.openshell.policy.compose.ProviderCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Builds a Provider's status: profile and credential resolution, attachments. Key names only. */
public final class ProviderStatusFactory extends StatusFactory<ProviderStatus, Provider> {

  /** How many sandbox names {@code status.attachedTo} lists at most. */
  public static final int MAX_ATTACHED_TO = 50;

  public ProviderStatusFactory(Clock clock) {
    super(clock);
  }

  /** The status {@code provider} should have after {@code o}. */
  public ProviderStatus build(Provider provider, ProviderObservation o) {
    ProviderStatus status = begin(provider, ProviderStatus::new);
    String type = provider.getSpec() == null ? "" : provider.getSpec().getType();

    DesiredCondition profile;
    if (o.profile().isPresent()) {
      ProfileReference ref = new ProfileReference();
      ref.setName(o.profile().get().id());
      ref.setSource(o.profile().get().source().label());
      o.profileObject()
          .ifPresent(p -> ref.setResourceVersion(p.getMetadata().getResourceVersion()));
      status.setProfile(ref);
      profile =
          DesiredCondition.isTrue(
              PROFILE_RESOLVED,
              REASON_PROFILE_FOUND,
              "type '" + type + "' resolves to profile '" + o.profile().get().id() + "'");
    } else {
      // OpenShell accepts profileless providers (§4.2): resolved, with a note.
      profile =
          DesiredCondition.isTrue(
              PROFILE_RESOLVED,
              REASON_NO_PROFILE,
              Composition.profilelessMessage(provider.getMetadata().getName(), type));
    }

    List<String> keys = ProviderRecords.credentialKeys(o.secret());
    status.setCredentialKeys(keys);
    DesiredCondition credentials = credentials(provider, o, keys);

    status.setAttachedCount(o.attachedTo().size());
    status.setAttachedTo(
        o.attachedTo().subList(0, Math.min(MAX_ATTACHED_TO, o.attachedTo().size())));

    DesiredCondition ready;
    if (o.inUseMessage().isPresent()) {
      ready = DesiredCondition.isFalse(READY, REASON_IN_USE, o.inUseMessage().get());
    } else if (!profile.status()) {
      ready = DesiredCondition.isFalse(READY, profile.reason(), profile.message());
    } else if (!credentials.status()) {
      ready = DesiredCondition.isFalse(READY, credentials.reason(), credentials.message());
    } else {
      ready =
          DesiredCondition.isTrue(READY, credentials.reason(), "profile and credentials resolved");
    }
    return withConditions(status, provider, List.of(profile, credentials, ready));
  }

  /**
   * CredentialsResolved: the Kubernetes part (the referenced Secret exists) here, the §4.2 rule in
   * policy-core's {@link ProviderCredentials}, whose violation code is the condition reason.
   */
  private static DesiredCondition credentials(
      Provider provider, ProviderObservation o, List<String> keys) {
    var spec = provider.getSpec();
    boolean allowsEmpty =
        o.profile().map(e -> e.profile().allowsEmptyProviderCredentials()).orElse(false);
    boolean runtime = spec != null && Boolean.TRUE.equals(spec.getRuntimeCredentials());
    var secretName = ProviderRecords.secretName(provider);
    if (secretName.isPresent() && o.secret().isEmpty()) {
      return DesiredCondition.isFalse(
          CREDENTIALS_RESOLVED,
          REASON_SECRET_NOT_FOUND,
          SecretKeys.unusableMessage(secretName.get()));
    }
    Optional<Violation> broken = ProviderCredentials.check(keys, runtime, allowsEmpty);
    if (broken.isPresent()) {
      return DesiredCondition.isFalse(
          CREDENTIALS_RESOLVED, broken.get().code().reason(), broken.get().message());
    }
    if (keys.isEmpty()) {
      return DesiredCondition.isTrue(
          CREDENTIALS_RESOLVED,
          REASON_RUNTIME_CREDENTIALS,
          "the profile resolves its credentials at runtime");
    }
    return DesiredCondition.isTrue(
        CREDENTIALS_RESOLVED,
        REASON_SECRET_FOUND,
        keys.size() + " credential key(s) from secret '" + secretName.orElse("") + "'");
  }
}
