package io.openshell.policy.lint;

import static io.openshell.policy.lint.Profiles.auth;
import static io.openshell.policy.lint.Profiles.awsCredentials;
import static io.openshell.policy.lint.Profiles.cred;
import static io.openshell.policy.lint.Profiles.grant;
import static io.openshell.policy.lint.Profiles.out;
import static io.openshell.policy.lint.Profiles.profile;
import static io.openshell.policy.lint.Profiles.refresh;
import static io.openshell.policy.lint.Profiles.withGrant;
import static io.openshell.policy.lint.Profiles.withRefresh;
import static io.openshell.policy.validate.Endpoints.allow;
import static io.openshell.policy.validate.Endpoints.at;
import static io.openshell.policy.validate.Endpoints.rest;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.RefreshMaterial;
import io.openshell.policy.model.RefreshStrategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports OpenShell's {@code profiles.rs} lint tests (§10 P) and covers every rule of §2.2–2.6. */
class ProfileLintTest {

  static List<String> lint(ProviderProfile p) {
    return ProfileLint.lintProfile(p).stream().map(v -> v.field() + ": " + v.message()).toList();
  }

  static List<String> lintSet(ProviderProfile... ps) {
    return ProfileLint.validateProfileSet(List.of(ps)).stream()
        .map(d -> d.violation().field() + ": " + d.violation().message())
        .toList();
  }

  static ProviderProfile withCred(CredentialProfile c) {
    return profile("p").credential(c).endpoint(rest("api.example.com").build()).build();
  }

  // validate_profile_set_returns_all_discoverable_diagnostics
  @Test
  void everyDiscoverableDiagnosticIsReportedAtOnce() {
    ProviderProfile p =
        profile("alex-api")
            .credential(cred("token", "ALEX_TOKEN", "", "v10_ALEX"))
            .credential(cred("token", "ALEX_TOKEN"))
            .credential(auth(cred("q", "Q_KEY"), "query", "", "", ""))
            .credential(auth(cred("pt", "PT_KEY"), "path", "", "", "/a/{credential}/{credential}"))
            .credential(auth(cred("odd", "ODD_KEY"), "digest", "", "", ""))
            .discovery("missing")
            .endpoint(rest("").build())
            .binary(" ")
            .build();
    assertThat(lint(p))
        .containsExactly(
            "credentials.name: duplicate credential name: token",
            "discovery.credentials[0]: unknown discovery credential: missing",
            "credentials.env_vars: credential env var must not be empty",
            "credentials.env_vars: credential env var 'v10_ALEX' uses reserved OpenShell"
                + " placeholder revision namespace",
            "credentials.env_vars: duplicate credential env var 'ALEX_TOKEN'",
            "credentials.query_param: query_param is required for query auth",
            "credentials.path_template: path_template should contain {credential} exactly once,"
                + " /a/{credential}/{credential} contains {credential} 2 times",
            "credentials.auth_style: unsupported auth_style: digest",
            "endpoints[0]: invalid endpoint ':443'",
            "binaries[0]: binary path must not be empty");
  }

  // validate_profile_set_rejects_noncanonical_profile_ids
  @Test
  void nonCanonicalIdsAreRejected() {
    assertThat(
            lintSet(
                profile(" alex-api ").build(),
                profile("alex_api").build(),
                profile("Alex-API").build()))
        .containsExactly(
            "id: " + ProfileLint.ID_FORMAT,
            "id: " + ProfileLint.ID_FORMAT,
            "id: " + ProfileLint.ID_FORMAT);
  }

  // normalize_profile_id_trims_and_lowercases_valid_ids
  @Test
  void requestIdsAreTrimmedAndLowerCased() {
    assertThat(ProfileLint.normalizeId(" Alex-API ")).contains("alex-api");
    assertThat(ProfileLint.normalizeId("alex_api")).isEmpty();
    assertThat(ProfileLint.normalizeId("-alex")).isEmpty();
    assertThat(ProfileLint.normalizeId("alex--api")).isEmpty();
  }

  @Test
  void missingIdIsRequired() {
    assertThat(lintSet(profile(" ").build()))
        .containsExactly("id: provider profile id is required");
  }

  // parse_profile_catalog_yamls_rejects_duplicate_ids
  @Test
  void duplicateIdInABatchIsAConflict() {
    List<ProfileDiagnostic> diags =
        ProfileLint.validateProfileSet(List.of(profile("a").build(), profile("a").build()));
    assertThat(diags).hasSize(1);
    assertThat(diags.get(0).index()).isEqualTo(1);
    assertThat(diags.get(0).violation())
        .isEqualTo(
            Violation.error(
                ViolationCode.PROFILE_CONFLICT, "id", "duplicate provider profile id: a"));
  }

  @Test
  void blankCredentialNameIsRequired() {
    assertThat(lint(withCred(cred(" ", "X"))))
        .containsExactly("credentials.name: credential name is required");
  }

  @Test
  void revisionNamespaceWithHashPrefixIsReserved() {
    String env = "s" + "a".repeat(64) + "_TOKEN";
    assertThat(lint(withCred(cred("t", env))))
        .containsExactly(
            "credentials.env_vars: credential env var '"
                + env
                + "' uses reserved OpenShell placeholder revision namespace");
  }

  @Test
  void uppercaseRevisionPrefixIsNotReserved() {
    assertThat(lint(withCred(cred("t", "V10_TOKEN")))).isEmpty();
  }

  @Test
  void duplicateEnvVarsAreDetectedAcrossCredentials() {
    ProviderProfile p =
        profile("p")
            .credential(cred("a", "TOKEN"))
            .credential(cred("b", " TOKEN"))
            .endpoint(rest("h").build())
            .build();
    assertThat(lint(p))
        .containsExactly("credentials.env_vars: duplicate credential env var ' TOKEN'");
  }

  @Test
  void bearerAndHeaderAuthNeedAHeaderName() {
    assertThat(lint(withCred(auth(cred("t", "T"), "Bearer", "", "", ""))))
        .containsExactly("credentials.header_name: header_name is required for bearer auth");
    assertThat(lint(withCred(auth(cred("t", "T"), "header", " ", "", ""))))
        .containsExactly("credentials.header_name: header_name is required for header auth");
  }

  @Test
  void pathAuthNeedsATemplate() {
    assertThat(lint(withCred(auth(cred("t", "T"), "path", "", "", ""))))
        .containsExactly("credentials.path_template: path_template is required for path auth");
  }

  @Test
  void basicAndEmptyAuthStylesNeedNoCompanion() {
    assertThat(lint(withCred(auth(cred("t", "T"), "basic", "", "", "")))).isEmpty();
  }

  @Test
  void discoveryNamesMustBeNonEmptyAndUnique() {
    ProviderProfile p =
        profile("p")
            .credential(cred("t", "T"))
            .discovery("t")
            .discovery("t")
            .discovery("")
            .endpoint(rest("h").build())
            .build();
    assertThat(lint(p))
        .containsExactly(
            "discovery.credentials[1]: duplicate discovery credential: t",
            "discovery.credentials[2]: discovery credential name must not be empty");
  }

  @Test
  void refreshNeedsAStrategyAndNonNegativeDurations() {
    CredentialProfile c =
        withRefresh(cred("t", "T"), refresh(RefreshStrategy.UNSPECIFIED, -1, -2, List.of()));
    assertThat(lint(withCred(c)))
        .containsExactly(
            "credentials.refresh.strategy: refresh strategy is required",
            "credentials.refresh.refresh_before_seconds: refresh_before_seconds must be greater"
                + " than or equal to 0",
            "credentials.refresh.max_lifetime_seconds: max_lifetime_seconds must be greater than"
                + " or equal to 0");
  }

  @Test
  void refreshMaterialNamesMustBeNonEmptyAndUnique() {
    CredentialProfile c =
        withRefresh(
            cred("t", "T"),
            refresh(
                RefreshStrategy.OAUTH2_REFRESH_TOKEN,
                0,
                0,
                List.of(
                    new RefreshMaterial("client_id", "", true, false),
                    new RefreshMaterial("client_id", "", true, false),
                    new RefreshMaterial(" ", "", true, false))));
    assertThat(lint(withCred(c)))
        .containsExactly(
            "credentials.refresh.material.name: duplicate refresh material name: client_id",
            "credentials.refresh.material.name: refresh material name is required");
  }

  // validate_accepts_standard_aws_additional_outputs
  @Test
  void standardAwsAdditionalOutputsAreAccepted() {
    ProviderProfile p =
        awsProfile(
            out("secret_access_key", "secret_access_key"), out("session_token", "session_token"));
    assertThat(lint(p)).isEmpty();
  }

  static ProviderProfile awsProfile(io.openshell.policy.model.AdditionalOutput... outputs) {
    Profiles.P p = profile("aws");
    awsCredentials(outputs).forEach(p::credential);
    return p.build();
  }

  // validate_rejects_additional_output_unknown_credential
  @Test
  void additionalOutputMustReferenceADeclaredCredential() {
    assertThat(
            lint(
                awsProfile(
                    out("secret_access_key", "nope"), out("session_token", "session_token"))))
        .containsExactly(
            "credentials.refresh.additional_outputs.credential: refresh additional output"
                + " 'secret_access_key' references unknown credential 'nope'");
  }

  // validate_rejects_duplicate_additional_output
  @Test
  void additionalOutputsMustBeUnique() {
    assertThat(
            lint(
                awsProfile(
                    out("secret_access_key", "secret_access_key"),
                    out("secret_access_key", "secret_access_key"),
                    out("session_token", "session_token"))))
        .containsExactly(
            "credentials.refresh.additional_outputs.output: duplicate refresh additional output:"
                + " secret_access_key");
  }

  // validate_rejects_unknown_output_for_strategy
  @Test
  void strategyMustProduceTheOutput() {
    assertThat(
            lint(
                awsProfile(
                    out("secret_access_key", "secret_access_key"),
                    out("session_token", "session_token"),
                    out("region", "session_token"))))
        .containsExactly(
            "credentials.refresh.additional_outputs.output: strategy aws_sts_assume_role does not"
                + " produce output 'region'");
  }

  // validate_rejects_missing_required_output
  @Test
  void awsStsNeedsBothOutputs() {
    assertThat(lint(awsProfile(out("secret_access_key", "secret_access_key"))))
        .containsExactly(
            "credentials.refresh.additional_outputs: strategy aws_sts_assume_role requires"
                + " additional output 'session_token'");
  }

  @Test
  void blankAdditionalOutputIdIsRequired() {
    assertThat(
            lint(
                awsProfile(
                    out(" ", "secret_access_key"),
                    out("secret_access_key", "secret_access_key"),
                    out("session_token", "session_token"))))
        .containsExactly(
            "credentials.refresh.additional_outputs.output: refresh additional output id is"
                + " required");
  }

  // validate_rejects_output_credential_with_own_refresh
  @Test
  void outputCredentialMustNotRefreshItself() {
    ProviderProfile p =
        profile("aws")
            .credential(
                awsCredentials(
                        out("secret_access_key", "secret_access_key"),
                        out("session_token", "session_token"))
                    .get(0))
            .credential(
                withRefresh(
                    cred("secret_access_key", "AWS_SECRET_ACCESS_KEY"),
                    refresh(RefreshStrategy.EXTERNAL)))
            .credential(cred("session_token", "AWS_SESSION_TOKEN"))
            .build();
    assertThat(lint(p))
        .containsExactly(
            "credentials.refresh.additional_outputs.credential: credential 'secret_access_key' is"
                + " a refresh output and must not declare its own refresh");
  }

  @Test
  void outputCredentialNeedsExactlyOneEnvVar() {
    ProviderProfile p =
        profile("aws")
            .credential(
                awsCredentials(
                        out("secret_access_key", "secret_access_key"),
                        out("session_token", "session_token"))
                    .get(0))
            .credential(cred("secret_access_key", "AWS_SECRET_ACCESS_KEY", "OTHER"))
            .credential(cred("session_token", "AWS_SESSION_TOKEN"))
            .build();
    assertThat(lint(p))
        .containsExactly(
            "credentials.refresh.additional_outputs.credential: refresh output credential"
                + " 'secret_access_key' must declare exactly one env var");
  }

  // validate_rejects_nonstandard_aws_output_env_key
  @Test
  void awsOutputsMustUseTheStandardEnvVars() {
    ProviderProfile p =
        profile("aws")
            .credential(
                awsCredentials(
                        out("secret_access_key", "secret_access_key"),
                        out("session_token", "session_token"))
                    .get(0))
            .credential(cred("secret_access_key", "MY_SECRET"))
            .credential(cred("session_token", "AWS_SESSION_TOKEN"))
            .build();
    assertThat(lint(p))
        .containsExactly(
            "credentials.refresh.additional_outputs.credential: refresh output"
                + " 'secret_access_key' must map to env var AWS_SECRET_ACCESS_KEY, found MY_SECRET");
  }

  // validate_rejects_wrong_primary_env_key_for_aws_sts
  @Test
  void awsStsPrimaryCredentialMustBeAwsAccessKeyId() {
    ProviderProfile p =
        profile("aws")
            .credential(
                withRefresh(
                    cred("access_key_id", "MY_KEY"),
                    refresh(
                        RefreshStrategy.AWS_STS_ASSUME_ROLE,
                        out("secret_access_key", "secret_access_key"),
                        out("session_token", "session_token"))))
            .credential(cred("secret_access_key", "AWS_SECRET_ACCESS_KEY"))
            .credential(cred("session_token", "AWS_SESSION_TOKEN"))
            .build();
    assertThat(lint(p))
        .containsExactly(
            "credentials.env_vars: strategy aws_sts_assume_role requires primary credential to"
                + " map to env var AWS_ACCESS_KEY_ID");
  }

  // validate_rejects_additional_outputs_on_unsupported_strategy
  @Test
  void onlyAwsStsSupportsAdditionalOutputs() {
    ProviderProfile p =
        profile("p")
            .credential(
                withRefresh(
                    cred("t", "T"),
                    refresh(RefreshStrategy.OAUTH2_CLIENT_CREDENTIALS, out("extra", "u"))))
            .credential(cred("u", "U"))
            .endpoint(rest("h").build())
            .build();
    assertThat(lint(p))
        .containsExactly(
            "credentials.refresh.additional_outputs: strategy oauth2_client_credentials does not"
                + " support additional_outputs");
  }

  // validate_profile_set_rejects_plain_http_token_endpoint
  @Test
  void plainHttpTokenEndpointIsRejected() {
    assertThat(lint(withCred(withGrant(cred("t", "T"), grant("http://idp.example.com/token")))))
        .containsExactly(
            "credentials.token_grant.token_endpoint: token_endpoint must use https, except http"
                + " for loopback or in-cluster service hosts");
  }

  // validate_profile_set_allows_https_loopback_and_in_cluster_token_endpoints
  @Test
  void httpsLoopbackAndInClusterTokenEndpointsAreAccepted() {
    for (String url :
        List.of(
            "https://idp.example.com/token",
            "http://localhost:8080/token",
            "http://127.0.0.2/token",
            "http://[::1]/token",
            "http://idp.auth.svc/token",
            "http://idp.auth.svc.cluster.local:8080/token")) {
      assertThat(lint(withCred(withGrant(cred("t", "T"), grant(url))))).as(url).isEmpty();
    }
  }

  // validate_profile_set_rejects_relative_token_endpoint
  @Test
  void relativeTokenEndpointIsRejected() {
    assertThat(lint(withCred(withGrant(cred("t", "T"), grant("/oauth/token")))))
        .containsExactly(
            "credentials.token_grant.token_endpoint: token_endpoint must be an absolute URL");
  }

  // validate_profile_set_rejects_token_grant_query_or_path_auth_style
  @Test
  void tokenGrantSupportsOnlyBearerOrHeaderAuth() {
    CredentialProfile c =
        withGrant(auth(cred("t", "T"), "query", "", "key", ""), grant("https://idp/t"));
    assertThat(lint(withCred(c)))
        .containsExactly(
            "credentials.token_grant.auth_style: token_grant credentials support auth_style bearer"
                + " or header");
  }

  // validate_profile_set_requires_header_name_for_token_grant_header_auth_style
  @Test
  void tokenGrantHeaderAuthNeedsAHeaderName() {
    CredentialProfile c =
        withGrant(auth(cred("t", "T"), "header", "", "", ""), grant("https://idp/t"));
    assertThat(lint(withCred(c)))
        .containsExactly("credentials.header_name: header_name is required for header auth");
  }

  // validate_profile_set_rejects_token_grant_framing_header_name
  @Test
  void tokenGrantCannotOverrideFramingHeaders() {
    CredentialProfile c =
        withGrant(auth(cred("t", "T"), "header", "Content-Length", "", ""), grant("https://idp/t"));
    assertThat(lint(withCred(c)))
        .containsExactly(
            "credentials.header_name: token_grant header_name may not override HTTP framing or"
                + " connection headers");
  }

  @Test
  void tokenGrantHeaderNameMustBeAToken() {
    CredentialProfile c =
        withGrant(auth(cred("t", "T"), "bearer", "X Auth", "", ""), grant("https://idp/t"));
    assertThat(lint(withCred(c)))
        .containsExactly(
            "credentials.header_name: token_grant header_name is not a valid HTTP header name");
  }

  // credentialed_profile_requires_opt_in_for_l4_endpoint
  @Test
  void credentialedProfileNeedsOptInForL4Endpoint() {
    ProviderProfile p =
        profile("p").credential(cred("t", "T")).endpoint(at("api.example.com").build()).build();
    assertThat(ProfileLint.lintProfile(p))
        .containsExactly(
            Violation.error(
                ViolationCode.INVALID_PROFILE,
                "endpoints[0].allow_uninspected_credentials",
                "credentialed endpoint 'api.example.com:443' uses L4-only; configure L7 inspection"
                    + " or explicitly set allow_uninspected_credentials: true"));
    ProviderProfile optedIn =
        profile("p")
            .credential(cred("t", "T"))
            .endpoint(at("api.example.com").allowUninspectedCredentials(true).build())
            .build();
    assertThat(lint(optedIn)).isEmpty();
  }

  @Test
  void credentialedProfileNeedsOptInForTlsSkip() {
    ProviderProfile p =
        profile("p")
            .credential(cred("t", "T"))
            .endpoint(rest("api.example.com").tls("SKIP").build())
            .build();
    assertThat(lint(p))
        .containsExactly(
            "endpoints[0].allow_uninspected_credentials: credentialed endpoint"
                + " 'api.example.com:443' uses tls: skip; configure L7 inspection or explicitly"
                + " set allow_uninspected_credentials: true");
  }

  // profile_classifies_declared_credentials_and_signing_as_credentialed
  @Test
  void signingEndpointMakesAProfileCredentialed() {
    ProviderProfile p =
        profile("p")
            .endpoint(
                rest("s3.amazonaws.com").credentialSigning("sigv4").signingService("s3").build())
            .endpoint(at("plain.example.com").build())
            .build();
    assertThat(lint(p))
        .containsExactly(
            "endpoints[1].allow_uninspected_credentials: credentialed endpoint"
                + " 'plain.example.com:443' uses L4-only; configure L7 inspection or explicitly"
                + " set allow_uninspected_credentials: true");
  }

  @Test
  void uncredentialedProfileMayUseL4Endpoints() {
    assertThat(lint(profile("p").endpoint(at("pypi.org").build()).build())).isEmpty();
  }

  @Test
  void explicitTcpEscapesTheCredentialedEndpointRuleAsInOpenShell() {
    ProviderProfile p =
        profile("p")
            .credential(cred("t", "T"))
            .endpoint(at("db.example.com").protocol("tcp").build())
            .build();
    assertThat(lint(p)).isEmpty();
  }

  // parse_profile_catalog_yamls_rejects_invalid_endpoint_ports
  @Test
  void endpointWithPortZeroIsInvalid() {
    assertThat(lint(profile("p").endpoint(at("h").port(0).build()).build()))
        .containsExactly("endpoints[0]: invalid endpoint 'h:0'");
  }

  @Test
  void anyOutOfRangePortInPortsIsInvalid() {
    assertThat(lint(profile("p").endpoint(at("h").port(0).ports(List.of(443, 0)).build()).build()))
        .containsExactly("endpoints[0]: invalid endpoint 'h:0'");
  }

  // validate_rejects_protocol_without_rules_or_access
  @Test
  void protocolWithoutRulesOrAccessIsReportedOnTheEndpoint() {
    assertThat(lint(profile("p").endpoint(at("h").protocol("rest").build()).build()))
        .containsExactly(
            "endpoints[0]: protocol requires rules or access to define allowed traffic");
  }

  // validate_accepts_protocol_with_access
  @Test
  void protocolWithAccessIsAccepted() {
    assertThat(lint(profile("p").endpoint(rest("h").build()).build())).isEmpty();
  }

  // validate_accepts_explicit_tcp_without_l7_fields
  @Test
  void explicitTcpWithoutL7FieldsIsAccepted() {
    assertThat(lint(profile("p").endpoint(at("h").protocol("tcp").build()).build())).isEmpty();
  }

  // validate_rejects_additional_l7_field_families_with_explicit_tcp
  @Test
  void explicitTcpWithSigningFieldsIsRejected() {
    assertThat(
            lint(
                profile("p")
                    .endpoint(at("h").protocol("tcp").path("/x").signingRegion("eu-west-1").build())
                    .build()))
        .containsExactly(
            "endpoints[0]: protocol tcp does not support L7-only fields: path, signing_region;"
                + " remove those fields");
  }

  // validate_rejects_unknown_protocol
  @Test
  void unknownProtocolIsReportedOnTheEndpoint() {
    assertThat(lint(profile("p").endpoint(at("h").protocol("https").build()).build()))
        .containsExactly(
            "endpoints[0]: unknown protocol 'https' (expected tcp, rest, websocket, graphql, sql,"
                + " json-rpc, or mcp)");
  }

  // validate_rejects_rules_and_access_together /
  // parse_profile_catalog_yamls_rejects_l7_validation_errors
  @Test
  void rulesAndAccessTogetherAreReportedOnTheEndpoint() {
    assertThat(
            lint(
                profile("p")
                    .endpoint(rest("h").rules(List.of(allow(L7Match.of("GET", "/**")))).build())
                    .build()))
        .containsExactly("endpoints[0]: rules and access are mutually exclusive");
  }

  // validate_rejects_empty_allow_object_as_deny_all
  @Test
  void emptyAllowObjectDeniesAll() {
    assertThat(
            lint(
                profile("p")
                    .endpoint(at("h").protocol("rest").rules(List.of(allow(L7Match.EMPTY))).build())
                    .build()))
        .containsExactly(
            "endpoints[0]: rules would deny all traffic (no allow clause found). Use `access:"
                + " full` or add allow clauses to rules.");
  }

  // validate_rejects_deny_rules_without_protocol
  @Test
  void denyRulesWithoutProtocolAreReportedOnTheEndpoint() {
    assertThat(
            lint(
                profile("p")
                    .endpoint(at("h").denyRules(List.of(L7Match.of("POST", "/**"))).build())
                    .build()))
        .containsExactly(
            "endpoints[0]: deny_rules require protocol (L7 inspection must be enabled)",
            "endpoints[0]: deny_rules require rules or access to define the base allow set");
  }

  @Test
  void credentialBindingIsOnlyValidInSandboxPolicy() {
    assertThat(
            lint(
                profile("p")
                    .endpoint(
                        rest("h")
                            .credentialBinding(Optional.of(new CredentialBinding("x")))
                            .build())
                    .build()))
        .containsExactly(
            "endpoints[0].credential_binding: credential_binding references a concrete sandbox"
                + " provider and is only valid in sandbox policy");
  }

  @Test
  void profileOnlyDiagnosticsDoNotIncludeGatewayRuntimeChecks() {
    // path / persisted_queries / SQL / GraphQL checks belong to gateway policy validation only.
    assertThat(lint(profile("p").endpoint(rest("h").path("v1").build()).build())).isEmpty();
  }
}
