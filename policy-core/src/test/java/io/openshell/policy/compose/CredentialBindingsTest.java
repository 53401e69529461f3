package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.bound;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.credential;
import static io.openshell.policy.compose.Fixtures.endpointless;
import static io.openshell.policy.compose.Fixtures.ep;
import static io.openshell.policy.compose.Fixtures.github;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.policy;
import static io.openshell.policy.compose.Fixtures.profile;
import static io.openshell.policy.compose.Fixtures.provider;
import static io.openshell.policy.compose.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialBindingsTest {
  private static final ProfileCatalog CATALOG =
      catalog(github(), endpointless("google-cloud", "GCP_SA_ACCESS_TOKEN"));

  private static List<String> messages(SandboxPolicy base, ProviderRecord... records) {
    SandboxInputs in = inputs(base, CATALOG, V2, records);
    return CredentialBindings.check(base, Composition.resolve(in)).stream()
        .map(Violation::message)
        .toList();
  }

  private static SandboxPolicy boundPolicy(NetworkEndpoint e) {
    return policy("bound", rule("bound", e));
  }

  // Q: update_config_rejects_credential_binding_to_unattached_provider;
  // S: detach_rejects_provider_referenced_by_policy_credential_binding
  @Test
  void bindingToAnUnattachedProviderIsRejected() {
    assertThat(messages(boundPolicy(bound("storage.googleapis.com", 443, "gcp"))))
        .containsExactly(
            "credential_binding references provider 'gcp', but that provider is not attached to the"
                + " sandbox");
  }

  // Q: update_config_rejects_policy_binding_for_endpointful_profile
  @Test
  void bindingToAProviderWithProfileEndpointsIsRejected() {
    assertThat(
            messages(
                boundPolicy(bound("uploads.github.com", 443, "work-github")),
                provider("work-github", "github")))
        .containsExactly(
            "credential_binding provider 'work-github' profile already defines endpoints; profile"
                + " endpoints remain the credential boundary");
  }

  @Test
  void bindingToAProfilelessProviderIsRejected() {
    assertThat(
            messages(boundPolicy(bound("x.example.com", 443, "mine")), provider("mine", "custom")))
        .containsExactly("credential_binding provider 'mine' has no provider profile");
  }

  // Q: provider_environment_uses_policy_binding_for_endpointless_profile
  @Test
  void bindingToAnAttachedEndpointlessProviderIsAccepted() {
    assertThat(
            messages(
                boundPolicy(bound("storage.googleapis.com", 443, "gcp")),
                provider("gcp", "google-cloud")))
        .isEmpty();
  }

  @Test
  void bindingWithoutAProviderNameIsRejected() {
    assertThat(messages(boundPolicy(bound("x.example.com", 443, ""))))
        .containsExactly("credential_binding.provider is required for endpoint 'x.example.com'");
  }

  // OpenShell grpc/policy.rs:1709-1713 names the provider (parity row M7).
  @Test
  void bindingProviderWithSurroundingWhitespaceIsRejected() {
    assertThat(
            messages(
                boundPolicy(bound("x.example.com", 443, " gcp")), provider("gcp", "google-cloud")))
        .containsExactly(
            "credential_binding.provider ' gcp' must not contain leading or trailing whitespace");
  }

  @Test
  void boundEndpointNeedsAHost() {
    NetworkEndpoint e =
        ep("", 443)
            .allowedIps(List.of("10.0.0.1"))
            .credentialBinding(Optional.of(new CredentialBinding("gcp")))
            .build();
    assertThat(messages(boundPolicy(e), provider("gcp", "google-cloud")))
        .containsExactly("credential-bound endpoint for provider 'gcp' must define a host");
  }

  @Test
  void boundEndpointNeedsPorts() {
    assertThat(
            messages(
                boundPolicy(bound("x.example.com", 0, "gcp")), provider("gcp", "google-cloud")))
        .containsExactly(
            "credential-bound endpoint 'x.example.com' for provider 'gcp' must define ports in range"
                + " 1..=65535");
  }

  @Test
  void bindingInTheGlobalPolicyIsRejected() {
    assertThat(CredentialBindings.checkGlobal(boundPolicy(bound("x.example.com", 443, "gcp"))))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.INVALID_CREDENTIAL_BINDING);
              assertThat(v.message())
                  .isEqualTo(
                      "credential_binding is sandbox-scoped and cannot be used in a global policy");
            });
  }

  private static final ProviderProfile AWS =
      profile(
          "aws",
          List.of(
              credential("access_key_id", "AWS_ACCESS_KEY_ID"),
              credential("secret_access_key", "AWS_SECRET_ACCESS_KEY")),
          List.of());

  private static final ProviderProfile AWS_S3 =
      profile(
          "aws-s3",
          AWS.credentials(),
          List.of(
              ep("*.s3.amazonaws.com", 443)
                  .protocol("rest")
                  .access("read-write")
                  .credentialSigning("sigv4")
                  .signingService("s3")
                  .build()));

  private static List<Violation> signing(
      SandboxPolicy base, ProviderProfile p, ProviderRecord... records) {
    SandboxInputs in = inputs(base, catalog(p), V2, records);
    return CredentialBindings.checkSigningSources(base, Composition.resolve(in));
  }

  private static NetworkEndpoint.Builder signed(String host) {
    return ep(host, 443)
        .protocol("rest")
        .access("full")
        .credentialSigning("sigv4")
        .signingService("s3");
  }

  // Q: update_config_*sigv4*
  @Test
  void signingEndpointWithoutAnAwsSourceIsRejected() {
    assertThat(signing(policy("s3", rule("s3", signed("bucket.s3.amazonaws.com").build())), AWS_S3))
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .startsWith(
            "credential_signing endpoint 'bucket.s3.amazonaws.com:443' has no resolvable AWS"
                + " credential source; ");
  }

  @Test
  void signingEndpointCoveredByAnAttachedAwsProfileIsAccepted() {
    assertThat(
            signing(
                policy("s3", rule("s3", signed("bucket.s3.amazonaws.com").build())),
                AWS_S3,
                provider("s3", "aws-s3")))
        .isEmpty();
  }

  @Test
  void signingEndpointOutsideTheAwsProfileEndpointsIsRejected() {
    assertThat(
            signing(
                policy("api", rule("api", signed("execute-api.example.com").build())),
                AWS_S3,
                provider("s3", "aws-s3")))
        .hasSize(1);
  }

  @Test
  void signingEndpointBoundToAnEndpointlessAwsProfileIsAccepted() {
    NetworkEndpoint e =
        signed("execute-api.example.com")
            .credentialBinding(Optional.of(new CredentialBinding("aws")))
            .build();
    assertThat(signing(policy("api", rule("api", e)), AWS, provider("aws", "aws"))).isEmpty();
  }

  @Test
  void boundProvidersAreListedOnce() {
    SandboxPolicy p =
        policy(
            "a", rule("a", bound("a.example.com", 443, "gcp")),
            "b", rule("b", bound("b.example.com", 443, "gcp")));
    assertThat(CredentialBindings.boundProviders(p)).containsExactly("gcp");
  }
}
