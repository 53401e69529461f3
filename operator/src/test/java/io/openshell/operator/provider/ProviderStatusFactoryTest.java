package io.openshell.operator.provider;

import static io.openshell.operator.TestObjects.provider;
import static io.openshell.operator.TestObjects.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.openshell.crds.v1alpha1.ProviderStatus;
import io.openshell.policy.catalog.BuiltinProfiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProviderStatusFactoryTest {
  private final ProviderStatusFactory factory =
      new ProviderStatusFactory(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private static Condition condition(ProviderStatus s, String type) {
    return s.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  private static ProviderObservation observed(String profile, boolean secret, List<String> users) {
    return new ProviderObservation(
        BuiltinProfiles.all().stream().filter(e -> e.id().equals(profile)).findFirst(),
        Optional.empty(),
        secret ? Optional.of(secret("a", "creds", "GITHUB_TOKEN")) : Optional.empty(),
        users,
        Optional.empty());
  }

  @Test
  void resolvedProviderListsKeyNamesAndIsReady() {
    ProviderStatus s =
        factory.build(provider("a", "gh", "gh", "creds"), observed("github", true, List.of()));

    assertThat(s.getCredentialKeys()).containsExactly("GITHUB_TOKEN");
    assertThat(s.getProfile().getName()).isEqualTo("github");
    assertThat(s.getProfile().getSource()).isEqualTo("builtin");
    assertThat(condition(s, "Ready").getStatus()).isEqualTo("True");
  }

  @Test
  void missingSecretIsReportedAndBlocksReady() {
    ProviderStatus s =
        factory.build(provider("a", "gh", "github", "creds"), observed("github", false, List.of()));

    assertThat(condition(s, "CredentialsResolved").getReason()).isEqualTo("SecretNotFound");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("SecretNotFound");
  }

  @Test
  void runtimeCredentialsOnAProfileThatCannotMintThemAreRefused() {
    var p = provider("a", "gh", "github", null);
    p.getSpec().setRuntimeCredentials(true);

    ProviderStatus s = factory.build(p, observed("github", false, List.of()));

    assertThat(condition(s, "CredentialsResolved").getReason())
        .isEqualTo("RuntimeCredentialsNotAllowed");
  }

  @Test
  void aSecretWithMoreThan32KeysIsTooManyCredentials() {
    String[] keys = IntStream.range(0, 40).mapToObj(i -> "KEY_" + i).toArray(String[]::new);
    ProviderObservation o =
        new ProviderObservation(
            BuiltinProfiles.all().stream().filter(e -> e.id().equals("github")).findFirst(),
            Optional.empty(),
            Optional.of(secret("a", "creds", keys)),
            List.of(),
            Optional.empty());

    ProviderStatus s = factory.build(provider("a", "gh", "github", "creds"), o);

    assertThat(condition(s, "CredentialsResolved").getReason()).isEqualTo("TooManyCredentials");
    assertThat(condition(s, "CredentialsResolved").getMessage())
        .isEqualTo("provider.credentials exceeds maximum entries (40 > 32)");
  }

  @Test
  void profilelessTypeResolvesWithANote() {
    ProviderStatus s =
        factory.build(provider("a", "x", "generic", "creds"), observed("none", true, List.of()));

    assertThat(condition(s, "ProfileResolved").getStatus()).isEqualTo("True");
    assertThat(condition(s, "ProfileResolved").getReason()).isEqualTo("NoProfile");
  }

  @Test
  void attachedToIsBoundedWhileTheCountIsComplete() {
    List<String> users = IntStream.range(0, 60).mapToObj(i -> "s" + i).sorted().toList();

    ProviderStatus s =
        factory.build(provider("a", "gh", "github", "creds"), observed("github", true, users));

    assertThat(s.getAttachedTo()).hasSize(ProviderStatusFactory.MAX_ATTACHED_TO);
    assertThat(s.getAttachedCount()).isEqualTo(60);
  }

  @Test
  void blockedDeleteMakesReadyFalseInUse() {
    var o =
        new ProviderObservation(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of("demo"),
            Optional.of("provider 'gh' is attached to sandbox(es): demo"));

    ProviderStatus s = factory.build(provider("a", "gh", "github", null), o);

    assertThat(condition(s, "Ready").getReason()).isEqualTo("InUse");
    assertThat(condition(s, "Ready").getMessage())
        .isEqualTo("provider 'gh' is attached to sandbox(es): demo");
  }
}
