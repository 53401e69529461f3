package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.AdditionalOutput;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.CredentialRefresh;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.QueryMatcher;
import io.openshell.policy.model.RefreshStrategy;
import io.openshell.policy.model.TokenGrant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lossless round trips of profile files: parse → write → parse gives an equal model. Ports the
 * "round_trips" tests of OpenShell's {@code crates/openshell-providers/src/profiles.rs} that are
 * about the file format (the proto half of those tests has no counterpart here).
 */
class ProfileRoundTripTest {

  static Stream<String> builtinIds() {
    return BuiltinProfiles.ids().stream();
  }

  private static ProviderProfile builtin(String id) {
    return BuiltinProfiles.get(id).orElseThrow();
  }

  private static ProviderProfile viaYaml(ProviderProfile p) {
    List<Parsed<ProviderProfile>> parsed = ProfileFiles.readYaml(ProfileFiles.writeYaml(p));
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).diagnostics()).isEmpty();
    return parsed.get(0).orElseThrow();
  }

  private static ProviderProfile viaJson(ProviderProfile p) {
    List<Parsed<ProviderProfile>> parsed = ProfileFiles.readJson(ProfileFiles.writeJson(p));
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).diagnostics()).isEmpty();
    return parsed.get(0).orElseThrow();
  }

  private static ProviderProfile everyField() throws IOException {
    try (InputStream in =
        ProfileRoundTripTest.class.getResourceAsStream("/profiles/every-field.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Parsed<ProviderProfile>> parsed = ProfileFiles.readYaml(yaml);
      assertThat(parsed).hasSize(1);
      return parsed.get(0).orElseThrow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtinIds")
  void builtinProfileRoundTripsThroughYaml(String id) {
    assertThat(viaYaml(builtin(id))).isEqualTo(builtin(id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtinIds")
  void builtinProfileRoundTripsThroughJson(String id) {
    assertThat(viaJson(builtin(id))).isEqualTo(builtin(id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtinIds")
  void writtenBuiltinYamlIsAFixedPoint(String id) {
    String yaml = ProfileFiles.writeYaml(builtin(id));

    assertThat(ProfileFiles.writeYaml(viaYaml(builtin(id)))).isEqualTo(yaml);
  }

  @Test
  void allBuiltinsRoundTripAsOneMultiDocumentFile() {
    List<ProviderProfile> all = BuiltinProfiles.all().stream().map(CatalogEntry::profile).toList();

    assertThat(ProfileFiles.readYaml(ProfileFiles.writeYaml(all)))
        .extracting(Parsed::orElseThrow)
        .containsExactlyElementsOf(all);
  }

  @Test
  void profileWithEveryFieldRoundTripsThroughYaml() throws IOException {
    // OpenShell: profile_yaml_round_trip_preserves_full_network_policy_fields
    assertThat(viaYaml(everyField())).isEqualTo(everyField());
  }

  @Test
  void profileWithEveryFieldRoundTripsThroughJson() throws IOException {
    assertThat(viaJson(everyField())).isEqualTo(everyField());
  }

  @Test
  void profileWithEveryFieldReadsEveryEndpointField() throws IOException {
    // OpenShell: profile_yaml_round_trip_preserves_full_network_policy_fields
    List<NetworkEndpoint> e = everyField().endpoints();

    assertThat(e.get(0))
        .isEqualTo(
            NetworkEndpoint.builder()
                .host("api.example.com")
                .port(443)
                .path("/v1/**")
                .protocol("rest")
                .tls("skip")
                .enforcement("enforce")
                .rules(e.get(0).rules())
                .denyRules(e.get(0).denyRules())
                .allowedIps(List.of("10.0.0.0/8"))
                .allowEncodedSlash(true)
                .websocketCredentialRewrite(true)
                .requestBodyCredentialRewrite(true)
                .allowUninspectedCredentials(true)
                .build());
    assertThat(e.get(0).rules().get(0).allow().query())
        .containsEntry("tag", QueryMatcher.glob("prod-*"))
        .containsEntry("repo", QueryMatcher.anyOf(List.of("a/*", "b/*")));
    assertThat(e.get(0).denyRules().get(0).path()).isEqualTo("/v1/admin/**");
    assertThat(e.get(1).ports()).containsExactly(443, 8443);
    assertThat(e.get(1).signingRegion()).isEqualTo("us-east-1");
    assertThat(e.get(2).graphqlPersistedQueries()).containsOnlyKeys("abc123");
    assertThat(e.get(2).graphqlMaxBodyBytes()).isEqualTo(131072);
  }

  @Test
  void profileJsonRoundTripPreservesCompactDtoShape() {
    // OpenShell: profile_json_round_trip_preserves_compact_dto_shape
    ProviderProfile p = builtin("cursor");
    String json = ProfileFiles.writeJson(p);

    assertThat(json)
        .contains(
            "\"binaries\" : [ \"/usr/bin/curl\", \"/usr/bin/wget\", \"/sandbox/.cursor-server/**\" ]")
        .contains("{\n    \"host\" : \"api2.cursor.sh\",\n    \"port\" : 443\n  }")
        .doesNotContain("\"ports\"", "\"discovery\"", "\"resource_version\"");
    assertThat(viaJson(p)).isEqualTo(p);
  }

  @Test
  void profileAnnotationsRoundTripInOrder() throws IOException {
    // OpenShell: profile_annotations_round_trip
    ProviderProfile p = viaYaml(everyField());

    assertThat(p.annotations())
        .containsExactly(Map.entry("team", "platform"), Map.entry("openshell.io/owner", "alice"));
  }

  @Test
  void discoveryMetadataRoundTrips() {
    // OpenShell: profile_discovery_metadata_round_trips_through_proto_and_yaml
    ProviderProfile vertex = builtin("google-vertex-ai");

    assertThat(viaYaml(vertex).discoveryCredentials())
        .containsExactly("service_account_token", "gcloud_adc_token");
  }

  @Test
  void mcpEndpointStrictToolNamesRoundTrips() throws IOException {
    // OpenShell: mcp_endpoint_strict_tool_names_round_trips
    NetworkEndpoint mcp = viaYaml(everyField()).endpoints().get(3);

    assertThat(mcp.mcp()).contains(new McpOptions(false, true));
    assertThat(mcp.jsonRpcMaxBodyBytes()).isEqualTo(65536);
  }

  @Test
  void mcpAllowParamsRoundTrip() throws IOException {
    // OpenShell: mcp_allow_params_round_trips
    NetworkEndpoint mcp = viaYaml(everyField()).endpoints().get(3);

    // Read profiles are lowered as to_proto does: tool becomes params.name (profiles.rs:1256-1281).
    assertThat(mcp.rules().get(0).allow().tool()).isEmpty();
    assertThat(mcp.rules().get(0).allow().params())
        .containsExactly(Map.entry("name", QueryMatcher.anyOf(List.of("search_*", "fetch"))));
    assertThat(mcp.rules().get(1).allow().params())
        .containsExactly(Map.entry("name", QueryMatcher.glob("read_file")));
  }

  @Test
  void refreshMetadataRoundTrips() throws IOException {
    // OpenShell: profile_refresh_metadata_round_trips
    CredentialRefresh r = viaYaml(everyField()).credentials().get(3).refresh().orElseThrow();

    assertThat(r.strategy()).isEqualTo(RefreshStrategy.OAUTH2_CLIENT_CREDENTIALS);
    assertThat(r.tokenUrl()).isEqualTo("https://auth.example.com/token");
    assertThat(r.scopes()).containsExactly("read", "write");
    assertThat(r.refreshBeforeSeconds()).isEqualTo(120);
    assertThat(r.maxLifetimeSeconds()).isEqualTo(1800);
    assertThat(r.material()).hasSize(2);
    assertThat(r.material().get(1).secret()).isTrue();
  }

  @Test
  void credentialFieldsRoundTrip() throws IOException {
    // OpenShell: credential_fields_round_trip
    List<CredentialProfile> c = viaYaml(everyField()).credentials();

    assertThat(c.get(0).envVars()).containsExactly("EVERY_TOKEN", "EVERY_TOKEN_FALLBACK");
    assertThat(c.get(0).required()).isTrue();
    assertThat(c.get(0).authStyle()).isEqualTo("bearer");
    assertThat(c.get(0).headerName()).isEqualTo("authorization");
    assertThat(c.get(1).queryParam()).isEqualTo("key");
    assertThat(c.get(2).pathTemplate()).isEqualTo("/bot{credential}/");
  }

  @Test
  void tokenGrantAudienceOverridesRoundTrip() throws IOException {
    // OpenShell: token_grant_audience_overrides_round_trip
    TokenGrant t = viaYaml(everyField()).credentials().get(4).tokenGrant().orElseThrow();

    assertThat(t.clientAssertionType()).isEqualTo("urn:example:custom");
    assertThat(t.jwtSvidAudience()).isEqualTo("spiffe://example.org");
    assertThat(t.cacheTtlSeconds()).isEqualTo(600);
    assertThat(t.audienceOverrides()).hasSize(2);
    assertThat(t.audienceOverrides().get(0).host()).contains("admin.example.com");
    assertThat(t.audienceOverrides().get(0).port()).isEqualTo(8443);
    assertThat(t.audienceOverrides().get(0).path()).contains("/admin/**");
    assertThat(t.audienceOverrides().get(1).host()).isEmpty();
    assertThat(t.audienceOverrides().get(1).path()).isEmpty();
  }

  @Test
  void additionalOutputsRoundTrip() {
    // OpenShell: additional_outputs_round_trip
    CredentialRefresh r = viaYaml(builtin("aws")).credentials().get(0).refresh().orElseThrow();

    assertThat(r.additionalOutputs())
        .containsExactly(
            new AdditionalOutput("secret_access_key", "secret_access_key"),
            new AdditionalOutput("session_token", "session_token"));
  }

  @Test
  void awsStsStrategyRoundTrips() {
    // OpenShell: aws_sts_strategy_serde_roundtrip
    String yaml = ProfileFiles.writeYaml(builtin("aws"));

    assertThat(yaml).contains("strategy: aws_sts_assume_role\n");
    assertThat(viaYaml(builtin("aws")).credentials().get(0).refresh().orElseThrow().strategy())
        .isEqualTo(RefreshStrategy.AWS_STS_ASSUME_ROLE);
  }

  @Test
  void parseProfileYamlReadsSingleProviderDocument() {
    // OpenShell: parse_profile_yaml_reads_single_provider_document
    List<Parsed<ProviderProfile>> parsed =
        ProfileFiles.readYaml(
            """
            id: custom-api
            display_name: Custom API
            category: other
            credentials:
              - name: api_key
                env_vars: [CUSTOM_API_KEY]
                required: true
                auth_style: bearer
                header_name: authorization
            endpoints:
              - host: api.custom.example
                port: 443
                protocol: rest
                access: read-write
                enforcement: enforce
            binaries: [/usr/bin/curl]
            """);

    assertThat(parsed).singleElement().isInstanceOf(Parsed.Ok.class);
    ProviderProfile p = parsed.get(0).orElseThrow();
    assertThat(p.id()).isEqualTo("custom-api");
    assertThat(p.credentials())
        .singleElement()
        .extracting(CredentialProfile::name)
        .isEqualTo("api_key");
    assertThat(p.endpoints())
        .singleElement()
        .extracting(NetworkEndpoint::host)
        .isEqualTo("api.custom.example");
    assertThat(p.binaries()).containsExactly(NetworkBinary.of("/usr/bin/curl"));
  }

  @Test
  void awsProfileParsesCorrectly() {
    // OpenShell: aws_profile_parses_correctly, aws_profile_declares_additional_outputs
    ProviderProfile aws = builtin("aws");

    assertThat(aws.displayName()).isEqualTo("AWS");
    assertThat(aws.category()).isEqualTo(ProfileCategory.OTHER);
    assertThat(aws.credentials())
        .extracting(CredentialProfile::name)
        .containsExactly("access_key_id", "secret_access_key", "session_token");
    assertThat(aws.credentials().get(0).refresh().orElseThrow().material()).hasSize(7);
    assertThat(aws.endpoints()).isEmpty();
    assertThat(aws.binaries()).isEmpty();
  }

  @Test
  void awsS3ProfileParsesWithEndpoints() {
    // OpenShell: aws_s3_profile_parses_with_endpoints
    ProviderProfile s3 = builtin("aws-s3");

    assertThat(s3.endpoints()).hasSize(6);
    assertThat(s3.endpoints())
        .allSatisfy(
            e -> {
              assertThat(e.port()).isEqualTo(443);
              assertThat(e.protocol()).isEqualTo("rest");
              assertThat(e.tls()).isEqualTo("terminate");
              assertThat(e.credentialSigning()).isEqualTo("sigv4");
              assertThat(e.signingService()).isEqualTo("s3");
            });
    assertThat(s3.endpoints().get(1).signingRegion()).isEqualTo("us-east-1");
    assertThat(s3.binaries()).hasSize(8);
  }

  @Test
  void githubProfileMaterializesPolicyMetadata() {
    // OpenShell: github_profile_materializes_policy_metadata
    ProviderProfile gh = builtin("github");

    assertThat(gh.category()).isEqualTo(ProfileCategory.SOURCE_CONTROL);
    assertThat(gh.endpoints()).hasSize(3);
    assertThat(gh.endpoints().get(0).access()).isEqualTo("read-only");
    assertThat(gh.endpoints().get(1).path()).isEqualTo("/graphql");
    assertThat(gh.endpoints().get(1).protocol()).isEqualTo("graphql");
    assertThat(gh.endpoints().get(1).access()).isEqualTo("read-only");
    assertThat(gh.endpoints().get(2).access()).isEmpty();
    assertThat(gh.binaries()).hasSize(4);
  }

  @Test
  void githubGitTransportAllowsCloneButNotPush() {
    // OpenShell: github_git_transport_allows_clone_but_not_push
    NetworkEndpoint git = builtin("github").endpoints().get(2);

    assertThat(git.rules())
        .extracting(r -> r.allow().method() + " " + r.allow().path())
        .containsExactly("GET **", "HEAD **", "OPTIONS **", "POST /**/git-upload-pack");
  }

  @Test
  void vertexProfileDeclaresDiscoveryAndFallbackTokenEnvVars() {
    // OpenShell: vertex_profile_declares_discovery_and_fallback_token_env_vars
    ProviderProfile vertex = builtin("google-vertex-ai");

    assertThat(vertex.credentials().get(2).envVars())
        .containsExactly("GOOGLE_VERTEX_AI_TOKEN", "VERTEX_AI_TOKEN");
  }

  @Test
  void multiLineDescriptionRoundTripsAsALiteralBlock() {
    ProviderProfile bedrock = builtin("aws-bedrock");

    assertThat(ProfileFiles.writeYaml(bedrock)).contains("description: |\n  Anthropic + Mistral");
    assertThat(viaYaml(bedrock).description()).isEqualTo(bedrock.description());
  }
}
