package io.openshell.crds.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resolution rules as a table of plain CR objects, one test per rule. Every {@link
 * SandboxLookups} implementation runs it by extending this class: the in-memory one here ({@link
 * SandboxInputsResolverTest}), and the ones of the webhook and the kubectl plugin over an API
 * server holding the same objects. Published in the {@code crds} test jar for that purpose.
 */
public abstract class SandboxResolutionRules {
  /**
   * Lookups that see exactly {@code objects} (Sandbox, Provider, Secret, ProviderProfile,
   * OpenShellSettings). An implementation over an API server creates them first; an object with a
   * {@code deletionTimestamp} (it also has a finalizer) is created without it and then deleted.
   * Server-assigned values (uid, resourceVersion) are not asserted, generations are 1.
   */
  protected abstract SandboxLookups lookups(List<HasMetadata> objects);

  private static final SandboxInputsResolver RESOLVER =
      new SandboxInputsResolver(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  /** Resolves the first Sandbox of {@code yaml} against all of its objects. */
  protected ResolvedSandbox resolve(String yaml) {
    List<HasMetadata> objects = InMemorySandboxLookups.parse(yaml);
    Sandbox sandbox =
        objects.stream()
            .filter(Sandbox.class::isInstance)
            .map(Sandbox.class::cast)
            .findFirst()
            .orElseThrow();
    return RESOLVER.resolve(sandbox, lookups(objects));
  }

  static String sandbox(String... providers) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: Sandbox
        metadata: {name: demo, namespace: team-a, generation: 1}
        spec:
          providers: [%s]
        ---
        """
        .formatted(String.join(", ", providers));
  }

  static String provider(String name, String type, String secret) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: Provider
        metadata: {name: %s, namespace: team-a, uid: uid-%s, generation: 1}
        spec:
          type: %s
          credentialsSecretRef: {name: %s}
        ---
        """
        .formatted(name, name, type, secret);
  }

  static String secret(String name, boolean labelled, String... keys) {
    StringBuilder data = new StringBuilder();
    for (String key : keys) {
      data.append("  ").append(key).append(": c2VjcmV0\n");
    }
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          namespace: team-a
          resourceVersion: "9"
          labels: {%s}
        data:
        %s---
        """
        .formatted(name, labelled ? "openshell.io/provider-credentials: \"true\"" : "", data);
  }

  static String customProfile(String name, String extraMetadata) {
    return """
        apiVersion: openshell.io/v1alpha1
        kind: ProviderProfile
        metadata:
          name: %s
          generation: 1
          %s
        spec:
          displayName: Custom %s
          category: other
          credentials:
            - name: api_token
              envVars: [CUSTOM_TOKEN]
              required: true
          endpoints:
            - host: api.example.com
              port: 443
        ---
        """
        .formatted(name, extraMetadata, name);
  }

  // ---- built-in profiles: by name, from policy-core

  @Test
  void anObjectNamedAsABuiltinNeverReplacesTheBuiltinProfile() {
    var resolved = resolve(sandbox() + customProfile("github", ""));

    var github = resolved.inputs().catalog().get("github").orElseThrow();
    assertThat(github.source()).isEqualTo(ProfileSource.BUILTIN);
    assertThat(github.profile().displayName()).isNotEqualTo("Custom github");
  }

  @Test
  void anObjectLabelledBuiltinUnderACustomNameIsACustomProfile() {
    var resolved =
        resolve(sandbox() + customProfile("my-api", "labels: {openshell.io/source: builtin}"));

    var entry = resolved.inputs().catalog().get("my-api").orElseThrow();
    assertThat(entry.source()).isEqualTo(ProfileSource.USER);
    assertThat(entry.profile().displayName()).isEqualTo("Custom my-api");
  }

  // ---- profiles being deleted

  @Test
  void aProfileBeingDeletedIsLeftOutAndItsProvidersBecomeProfileless() {
    var resolved =
        resolve(
            sandbox("api")
                + provider("api", "my-api", "api-creds")
                + secret("api-creds", true, "CUSTOM_TOKEN")
                + customProfile(
                    "my-api", "deletionTimestamp: \"2026-03-01T09:00:00Z\"\n  finalizers: [x]"));

    assertThat(resolved.inputs().catalog().get("my-api")).isEmpty();
    assertThat(resolved.profilelessProviders()).containsExactly("api");
  }

  @Test
  void aCustomProfileThatIsNotBeingDeletedResolvesItsProviders() {
    var resolved =
        resolve(
            sandbox("api")
                + provider("api", "my-api", "api-creds")
                + secret("api-creds", true, "CUSTOM_TOKEN")
                + customProfile("my-api", ""));

    assertThat(resolved.inputs().catalog().get("my-api")).isPresent();
    assertThat(resolved.profilelessProviders()).isEmpty();
  }

  // ---- credentials Secret: key names of a labelled Secret, else none

  @Test
  void aLabelledSecretGivesItsSortedKeyNamesAndItsVersion() {
    var resolved =
        resolve(
            sandbox("gh")
                + provider("gh", "github", "gh-creds")
                + secret("gh-creds", true, "GITHUB_TOKEN", "GH_TOKEN"));

    ProviderRecord record = resolved.inputs().providerRecords().get("gh");
    assertThat(record.credentialKeys()).containsExactly("GH_TOKEN", "GITHUB_TOKEN");
    // <provider uid>:<generation>/<Secret resourceVersion>; an API server assigns the values
    assertThat(record.revision()).matches(".+:\\d+/.+");
  }

  @Test
  void aMissingSecretGivesNoKeysAndNoSecretVersion() {
    var resolved = resolve(sandbox("gh") + provider("gh", "github", "gh-creds"));

    ProviderRecord record = resolved.inputs().providerRecords().get("gh");
    assertThat(record.credentialKeys()).isEmpty();
    assertThat(record.revision()).endsWith(":1/");
  }

  @Test
  void anUnlabelledSecretIsTreatedAsMissing() {
    var resolved =
        resolve(
            sandbox("gh")
                + provider("gh", "github", "gh-creds")
                + secret("gh-creds", false, "GITHUB_TOKEN"));

    ProviderRecord record = resolved.inputs().providerRecords().get("gh");
    assertThat(record.credentialKeys()).isEmpty();
    assertThat(record.revision()).endsWith(":1/");
  }

  @Test
  void keysReportedInTheProviderStatusAreNeverUsedInPlaceOfTheSecret() {
    var resolved =
        resolve(
            sandbox("gh")
                + provider("gh", "github", "gh-creds").replace("---", "")
                + "status:\n  credentialKeys: [GITHUB_TOKEN]\n---\n");

    assertThat(resolved.inputs().providerRecords().get("gh").credentialKeys()).isEmpty();
  }

  // ---- provider types without a profile

  @Test
  void aProviderWhoseTypeNamesNoProfileIsReportedProfileless() {
    var resolved =
        resolve(
            sandbox("x") + provider("x", "generic", "x-creds") + secret("x-creds", true, "TOKEN"));

    assertThat(resolved.profilelessProviders()).containsExactly("x");
    assertThat(resolved.inputs().providerRecords()).containsOnlyKeys("x");
  }

  // ---- providers that do not exist

  @Test
  void anAttachedProviderThatDoesNotExistIsListedMissingWithoutARecord() {
    var resolved = resolve(sandbox("gh", "ghost") + provider("gh", "github", "gh-creds"));

    assertThat(resolved.missingProviders()).containsExactly("ghost");
    assertThat(resolved.inputs().providerRecords()).containsOnlyKeys("gh");
    assertThat(resolved.inputs().providers()).containsExactly("gh", "ghost");
  }

  // ---- the rest of the inputs

  @Test
  void duplicateAttachmentsAreComposedOnce() {
    var resolved = resolve(sandbox("gh", "gh"));

    assertThat(resolved.inputs().providers()).containsExactly("gh");
  }

  @Test
  void anUnparsableCredentialExpiryIsAConversionError() {
    var resolved =
        resolve(
            sandbox("gh")
                + provider("gh", "github", "gh-creds").replace("---", "")
                + "  credentialExpiresAt: {GITHUB_TOKEN: tomorrow}\n---\n");

    assertThat(resolved.conversionErrors())
        .singleElement()
        .satisfies(v -> assertThat(v.code()).isEqualTo(ViolationCode.PARSE_ERROR));
  }

  @Test
  void absentSettingsMeanDefaults() {
    var resolved = resolve(sandbox());

    assertThat(resolved.inputs().settings().providersV2Enabled()).isFalse();
    assertThat(resolved.settingsGeneration()).isZero();
  }

  @Test
  void theClusterSettingsObjectEnablesProvidersV2WithItsGeneration() {
    var resolved =
        resolve(
            sandbox()
                + """
                apiVersion: openshell.io/v1alpha1
                kind: OpenShellSettings
                metadata: {name: cluster, generation: 1}
                spec: {providersV2Enabled: true}
                """);

    assertThat(resolved.inputs().settings().providersV2Enabled()).isTrue();
    assertThat(resolved.settingsGeneration()).isEqualTo(1);
  }
}
