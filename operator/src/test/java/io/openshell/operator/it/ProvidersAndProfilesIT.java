package io.openshell.operator.it;

import static io.openshell.operator.it.OperatorHarness.conditionMessage;
import static io.openshell.operator.it.OperatorHarness.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openshell.crds.Conditions;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.Labels;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Provider and ProviderProfile status, built-in profiles, in-use delete protection. */
class ProvidersAndProfilesIT {
  private static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static ProviderProfile profile(String name) {
    return h.client.resources(ProviderProfile.class).withName(name).get();
  }

  private static ProviderProfile awaitProfile(String name, Predicate<ProviderProfile> p) {
    return await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(() -> profile(name), x -> x != null && p.test(x));
  }

  private static Provider awaitProvider(String ns, String name, Predicate<Provider> p) {
    return await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(() -> h.provider(ns, name), x -> x != null && p.test(x));
  }

  @Test
  void builtinProfilesAreCreatedAtStartUp() {
    ProviderProfile github = awaitProfile("github", x -> true);

    assertThat(github.getMetadata().getLabels()).containsEntry(Labels.SOURCE, "builtin");
    assertThat(github.getSpec().getDisplayName()).isEqualTo("GitHub");
  }

  @Test
  void builtinSpecDriftIsReverted() {
    awaitProfile("nvidia", x -> x.getStatus() != null);
    h.client
        .resources(ProviderProfile.class)
        .withName("nvidia")
        .edit(
            p -> {
              p.getSpec().setDisplayName("Tampered");
              return p;
            });

    awaitProfile("nvidia", x -> "NVIDIA".equals(x.getSpec().getDisplayName()));
  }

  @Test
  void removedBuiltinLabelIsRestored() {
    awaitProfile("deepinfra", x -> x.getStatus() != null);
    h.client
        .resources(ProviderProfile.class)
        .withName("deepinfra")
        .edit(
            p -> {
              p.getMetadata().getLabels().remove(Labels.SOURCE);
              return p;
            });

    awaitProfile(
        "deepinfra", x -> "builtin".equals(x.getMetadata().getLabels().get(Labels.SOURCE)));
  }

  @Test
  void deletedBuiltinProfileIsCreatedAgain() {
    String uid = awaitProfile("cursor", x -> x.getStatus() != null).getMetadata().getUid();

    h.client.resources(ProviderProfile.class).withName("cursor").delete();

    awaitProfile("cursor", x -> !uid.equals(x.getMetadata().getUid()));
  }

  @Test
  void invalidCustomProfileIsNotAcceptedAndListsOpenShellDiagnostics() {
    String id = "bad-" + OperatorHarness.namespace();
    h.apply(
        null,
        """
        apiVersion: openshell.io/v1alpha1
        kind: ProviderProfile
        metadata:
          name: %s
        spec:
          displayName: Bad
          credentials:
            - name: token
              envVars: [BAD_TOKEN]
          endpoints:
            - host: bad.example.com
              port: 443
        """
            .formatted(id));

    ProviderProfile p =
        awaitProfile(
            id,
            x ->
                hasCondition(
                    x.getStatus(), Conditions.ACCEPTED, "False", Conditions.REASON_INVALID));

    assertThat(p.getStatus().getDiagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.getSeverity()).isEqualTo("error");
              assertThat(d.getField()).isEqualTo("endpoints[0].allow_uninspected_credentials");
              assertThat(d.getMessage())
                  .isEqualTo(
                      "credentialed endpoint 'bad.example.com:443' uses L4-only; configure L7"
                          + " inspection or explicitly set allow_uninspected_credentials: true");
            });
  }

  @Test
  void profileCountsItsProvidersAndSandboxes() {
    String ns = OperatorHarness.namespace();
    String id = "count-" + ns;
    h.apply(null, Fixtures.restProfile(id, "COUNT_TOKEN", "count.example.com"));
    h.apply(ns, Fixtures.secret("creds", "COUNT_TOKEN"));
    h.apply(ns, Fixtures.provider("p", id, "creds"));
    h.apply(ns, Fixtures.sandbox("demo", "p"));

    ProviderProfile p =
        awaitProfile(
            id,
            x ->
                x.getStatus() != null
                    && x.getStatus().getUsedBy() != null
                    && x.getStatus().getUsedBy().getSandboxes() == 1);

    assertThat(p.getStatus().getUsedBy().getProviders()).isEqualTo(1);
  }

  @Test
  void providerReportsCredentialKeyNamesAndAttachments() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("creds", "GITHUB_TOKEN", "GH_TOKEN"));
    h.apply(ns, Fixtures.provider("gh", "gh", "creds"));
    h.apply(ns, Fixtures.sandbox("demo", "gh"));

    Provider p =
        awaitProvider(
            ns,
            "gh",
            x ->
                x.getStatus() != null
                    && Integer.valueOf(1).equals(x.getStatus().getAttachedCount()));

    assertThat(p.getStatus().getCredentialKeys()).containsExactly("GH_TOKEN", "GITHUB_TOKEN");
    assertThat(p.getStatus().getAttachedTo()).containsExactly("demo");
    assertThat(p.getStatus().getProfile().getName()).isEqualTo("github");
    assertThat(hasCondition(p.getStatus(), Conditions.READY, "True", "SecretFound")).isTrue();
    assertThat(h.client.resource(p).get().toString()).doesNotContain("not-a-real-token");
  }

  @Test
  void providerWithoutItsSecretIsNotReady() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.provider("gh", "github", "missing"));

    Provider p =
        awaitProvider(
            ns,
            "gh",
            x ->
                hasCondition(
                    x.getStatus(),
                    Conditions.CREDENTIALS_RESOLVED,
                    "False",
                    Conditions.REASON_SECRET_NOT_FOUND));

    assertThat(hasCondition(p.getStatus(), Conditions.READY, "False", "SecretNotFound")).isTrue();
  }

  @Test
  void attachedProviderDeleteIsBlockedWithOpenShellsMessage() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("gh", "github", "creds"));
    h.apply(ns, Fixtures.sandbox("demo", "gh"));
    awaitProvider(ns, "gh", x -> x.getMetadata().getFinalizers().contains(Labels.IN_USE_FINALIZER));

    h.client.resources(Provider.class).inNamespace(ns).withName("gh").delete();

    Provider p =
        awaitProvider(
            ns, "gh", x -> hasCondition(x.getStatus(), Conditions.READY, "False", "InUse"));
    assertThat(conditionMessage(p.getStatus(), Conditions.READY))
        .isEqualTo("provider 'gh' is attached to sandbox(es): demo");
  }

  @Test
  void detachingLetsABlockedProviderDeleteFinish() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("gh", "github", "creds"));
    h.apply(ns, Fixtures.sandbox("demo", "gh"));
    awaitProvider(ns, "gh", x -> x.getMetadata().getFinalizers().contains(Labels.IN_USE_FINALIZER));
    h.client.resources(Provider.class).inNamespace(ns).withName("gh").delete();
    awaitProvider(ns, "gh", x -> hasCondition(x.getStatus(), Conditions.READY, "False", "InUse"));

    h.setProviders(ns, "demo");

    await().atMost(OperatorHarness.TIMEOUT).until(() -> h.provider(ns, "gh") == null);
  }

  @Test
  void usedProfileDeleteIsBlockedWithOpenShellsMessage() {
    String ns = OperatorHarness.namespace();
    String id = "inuse-" + ns;
    h.apply(null, Fixtures.restProfile(id, "INUSE_TOKEN", "inuse.example.com"));
    h.apply(ns, Fixtures.secret("creds", "INUSE_TOKEN"));
    h.apply(ns, Fixtures.provider("p", id, "creds"));
    h.apply(ns, Fixtures.sandbox("demo", "p"));
    awaitProfile(
        id,
        x ->
            x.getMetadata().getFinalizers().contains(Labels.IN_USE_FINALIZER)
                && x.getStatus() != null
                && x.getStatus().getUsedBy().getSandboxes() == 1);

    h.client.resources(ProviderProfile.class).withName(id).delete();

    ProviderProfile p =
        awaitProfile(id, x -> hasCondition(x.getStatus(), Conditions.READY, "False", "InUse"));
    assertThat(conditionMessage(p.getStatus(), Conditions.READY))
        .isEqualTo("provider profile '" + id + "' is in use by sandboxes: " + ns + "/demo");
  }

  @Test
  void unusedProfileDeleteIsNotBlocked() {
    String id = "unused-" + OperatorHarness.namespace();
    h.apply(null, Fixtures.restProfile(id, "UNUSED_TOKEN", "unused.example.com"));
    awaitProfile(id, x -> x.getMetadata().getFinalizers().contains(Labels.IN_USE_FINALIZER));

    h.client.resources(ProviderProfile.class).withName(id).delete();

    await().atMost(OperatorHarness.TIMEOUT).until(() -> profile(id) == null);
  }

  @Test
  void aChangedProviderTypeIsRefusedAndTheSandboxKeepsItsLastGoodPolicy() {
    String ns = OperatorHarness.namespace();
    h.apply(ns, Fixtures.secret("creds", "GITHUB_TOKEN"));
    h.apply(ns, Fixtures.provider("gh", "github", "creds"));
    h.apply(ns, Fixtures.sandbox("box", "gh"));
    h.awaitSandbox(
        ns,
        "box",
        s -> hasCondition(s.getStatus(), Conditions.READY, "True", "ProvidersV2Disabled"));
    var before = h.awaitConfigMap(ns, "box", cm -> true);
    await()
        .atMost(OperatorHarness.TIMEOUT)
        .until(
            () -> h.provider(ns, "gh").getMetadata().getAnnotations(),
            a -> a != null && "github".equals(a.get(Labels.PROVIDER_TYPE)));

    h.client
        .resources(Provider.class)
        .inNamespace(ns)
        .withName("gh")
        .edit(
            p -> {
              p.getSpec().setType("codex");
              return p;
            });

    Provider changed =
        await()
            .atMost(OperatorHarness.TIMEOUT)
            .until(
                () -> h.provider(ns, "gh"),
                p -> hasCondition(p.getStatus(), Conditions.READY, "False", "ProviderTypeChanged"));
    assertThat(conditionMessage(changed.getStatus(), Conditions.READY))
        .isEqualTo(
            "provider 'gh' type changed from 'github' to 'codex': provider type cannot be"
                + " changed; delete and recreate the provider");
    h.awaitSandbox(
        ns,
        "box",
        s ->
            hasCondition(
                s.getStatus(), Conditions.POLICY_COMPOSED, "False", "ProviderTypeChanged"));
    assertThat(h.policyConfigMap(ns, "box").orElseThrow().getData()).isEqualTo(before.getData());
  }
}
