package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.openshell.policy.Severity;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.QueryMatcher;
import io.openshell.policy.model.RefreshStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing OpenShell provider profile files (§2.1, §2.7 step 1). */
class ProfileFilesTest {

  private static final String MINIMAL = "id: my-api\ndisplay_name: My API\n";

  private static ProviderProfile one(String yaml) {
    List<Parsed<ProviderProfile>> parsed = ProfileFiles.readYaml(yaml);
    assertThat(parsed).hasSize(1);
    return parsed.get(0).orElseThrow();
  }

  private static Violation onlyParseError(List<Parsed<ProviderProfile>> parsed) {
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0)).isInstanceOf(Parsed.Failed.class);
    assertThat(parsed.get(0).diagnostics()).hasSize(1);
    Violation v = parsed.get(0).diagnostics().get(0);
    assertThat(v.code()).isEqualTo(ViolationCode.PARSE_ERROR);
    assertThat(v.field()).isEqualTo("file");
    return v;
  }

  private static List<Violation> diagnosticsOf(String yaml) {
    List<Parsed<ProviderProfile>> parsed = ProfileFiles.readYaml(yaml);
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0)).isInstanceOf(Parsed.Ok.class);
    return parsed.get(0).diagnostics();
  }

  @Test
  void unknownFieldsAreIgnoredInProfiles() {
    ProviderProfile p =
        one(
            MINIMAL
                + "bogus: 1\nsource: builtin\nscope: platform\n"
                + "endpoints:\n  - host: a.example.com\n    port: 443\n    bogus: true\n");

    assertThat(p.id()).isEqualTo("my-api");
    assertThat(p.endpoints()).hasSize(1);
  }

  @Test
  void displayNameIsRequired() {
    assertThat(onlyParseError(ProfileFiles.readYaml("id: my-api\n")).message())
        .isEqualTo("failed to parse provider profile YAML: missing field 'display_name'");
  }

  @Test
  void idIsRequired() {
    assertThat(onlyParseError(ProfileFiles.readYaml("display_name: X\n")).message())
        .isEqualTo("failed to parse provider profile YAML: missing field 'id'");
  }

  @Test
  void unknownCategoryIsAParseErrorWithOpenShellsText() {
    assertThat(onlyParseError(ProfileFiles.readYaml(MINIMAL + "category: gaming\n")).message())
        .isEqualTo(
            "failed to parse provider profile YAML: unsupported provider profile category: gaming");
  }

  @Test
  void categoryIsParsedCaseInsensitivelyWithDashesAsUnderscores() {
    assertThat(one(MINIMAL + "category: Source-Control\n").category())
        .isEqualTo(ProfileCategory.SOURCE_CONTROL);
  }

  @Test
  void missingCategoryIsOther() {
    assertThat(one(MINIMAL).category()).isEqualTo(ProfileCategory.OTHER);
  }

  @Test
  void unknownRefreshStrategyIsAParseErrorWithOpenShellsText() {
    String yaml =
        MINIMAL + "credentials:\n  - name: t\n    refresh:\n      strategy: magic_refresh\n";

    assertThat(onlyParseError(ProfileFiles.readYaml(yaml)).message())
        .isEqualTo(
            "failed to parse provider profile YAML: unsupported provider refresh strategy:"
                + " magic_refresh");
  }

  @Test
  void missingRefreshStrategyIsUnspecifiedForTheLintToReport() {
    ProviderProfile p = one(MINIMAL + "credentials:\n  - name: t\n    refresh: {token_url: x}\n");

    assertThat(p.credentials().get(0).refresh().orElseThrow().strategy())
        .isEqualTo(RefreshStrategy.UNSPECIFIED);
  }

  @Test
  void fileFormatIsChosenByExtension() {
    assertThat(ProfileFiles.read("p.yaml", MINIMAL)).singleElement().isInstanceOf(Parsed.Ok.class);
    assertThat(ProfileFiles.read("p.YML", MINIMAL)).singleElement().isInstanceOf(Parsed.Ok.class);
    assertThat(ProfileFiles.read("p.json", "{\"id\":\"a\",\"display_name\":\"A\"}"))
        .singleElement()
        .isInstanceOf(Parsed.Ok.class);
  }

  @Test
  void otherExtensionsAreAnUnsupportedFileFormat() {
    assertThat(onlyParseError(ProfileFiles.read("p.toml", MINIMAL)).message())
        .isEqualTo("unsupported provider profile file format");
  }

  @Test
  void yamlContentInAJsonFileIsAJsonParseError() {
    assertThat(onlyParseError(ProfileFiles.read("p.json", MINIMAL)).message())
        .startsWith("failed to parse provider profile JSON: ");
  }

  @Test
  void readingAPathUsesItsFileName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("two.yml");
    Files.writeString(file, MINIMAL + "---\nid: b\ndisplay_name: B\n");

    assertThat(ProfileFiles.read(file))
        .extracting(p -> p.orElseThrow().id())
        .containsExactly("my-api", "b");
  }

  @Test
  void unreadablePathIsAFileParseError(@TempDir Path dir) {
    assertThat(onlyParseError(ProfileFiles.read(dir.resolve("missing.yaml"))).message())
        .startsWith("failed to read ");
  }

  @Test
  void yamlFileMayHoldSeveralDocumentsAndSkipsEmptyOnes() {
    List<Parsed<ProviderProfile>> parsed =
        ProfileFiles.readYaml("# header\n---\n" + MINIMAL + "---\n---\nid: b\ndisplay_name: B\n");

    assertThat(parsed).extracting(p -> p.orElseThrow().id()).containsExactly("my-api", "b");
  }

  @Test
  void aBrokenDocumentDoesNotHideItsNeighbours() {
    List<Parsed<ProviderProfile>> parsed =
        ProfileFiles.readYaml(MINIMAL + "---\nid: broken\n---\nid: c\ndisplay_name: C\n");

    assertThat(parsed).hasSize(3);
    assertThat(parsed.get(1)).isInstanceOf(Parsed.Failed.class);
    assertThat(parsed.get(2).orElseThrow().id()).isEqualTo("c");
  }

  @Test
  void jsonFileMayHoldAnObjectOrAnArray() {
    assertThat(ProfileFiles.readJson("{\"id\":\"a\",\"display_name\":\"A\"}")).hasSize(1);
    assertThat(
            ProfileFiles.readJson(
                "[{\"id\":\"a\",\"display_name\":\"A\"},{\"id\":\"b\",\"display_name\":\"B\"}]"))
        .extracting(p -> p.orElseThrow().id())
        .containsExactly("a", "b");
  }

  @Test
  void jsonArrayItemErrorsNameTheItem() {
    assertThat(ProfileFiles.readJson("[{\"id\":\"a\"}]").get(0).diagnostics())
        .extracting(Violation::message)
        .first()
        .isEqualTo("failed to parse provider profile JSON: missing field 'display_name' at [0]");
  }

  @Test
  void binariesMayBeStringsOrPathObjects() {
    ProviderProfile p =
        one(
            MINIMAL
                + "binaries:\n  - /usr/bin/a\n  - path: /usr/bin/b\n"
                + "  - {path: /usr/bin/c, harness: true}\n");

    assertThat(p.binaries())
        .containsExactly(
            NetworkBinary.of("/usr/bin/a"),
            NetworkBinary.of("/usr/bin/b"),
            new NetworkBinary("/usr/bin/c", true));
  }

  @Test
  void binariesAreWrittenAsPlainStringsUnlessHarnessIsSet() {
    ProviderProfile p =
        one(MINIMAL + "binaries:\n  - path: /usr/bin/b\n  - {path: /usr/bin/c, harness: true}\n");

    assertThat(ProfileFiles.writeYaml(p))
        .contains("binaries:\n  - /usr/bin/b\n  - path: /usr/bin/c\n    harness: true\n");
  }

  @Test
  void endpointPortsAreKeptAsAuthored() {
    NetworkEndpoint e =
        one(MINIMAL + "endpoints:\n  - host: a.example.com\n    port: 80\n    ports: [443]\n")
            .endpoints()
            .get(0);

    assertThat(e.port()).isEqualTo(80);
    assertThat(e.ports()).containsExactly(443);
  }

  @Test
  void endpointHostIsRequiredInProfiles() {
    assertThat(
            onlyParseError(ProfileFiles.readYaml(MINIMAL + "endpoints:\n  - port: 443\n"))
                .message())
        .isEqualTo("failed to parse provider profile YAML: missing field 'host' at endpoints[0]");
  }

  @Test
  void endpointPortAbove65535IsKeptInProfilesForTheLintToReport() {
    // The profile DTO's ports are u32; "invalid endpoint 'a:70000'" is a lint diagnostic.
    assertThat(
            one(MINIMAL + "endpoints:\n  - host: a\n    port: 70000\n").endpoints().get(0).port())
        .isEqualTo(70000);
  }

  @Test
  void negativePortIsAParseErrorInProfiles() {
    assertThat(
            onlyParseError(
                    ProfileFiles.readYaml(MINIMAL + "endpoints:\n  - host: a\n    port: -1\n"))
                .message())
        .endsWith("expected u32 at endpoints[0].port");
  }

  @Test
  void nestedParamsAreNotFlattenedInProfiles() {
    // OpenShell's profile DTO has a flat params map of matchers.
    ProviderProfile p =
        one(
            MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n    protocol: mcp\n    rules:\n"
                + "      - allow: {method: tools/call, params: {name: {any: [a, b]}}}\n");

    assertThat(p.endpoints().get(0).rules().get(0).allow().params())
        .containsExactly(Map.entry("name", QueryMatcher.anyOf(List.of("a", "b"))));
  }

  @Test
  void profileMatchersAreWrittenAsGlobObjects() {
    ProviderProfile p =
        one(
            MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n    protocol: rest\n    rules:\n"
                + "      - allow: {method: GET, query: {tag: prod}}\n");

    assertThat(ProfileFiles.writeYaml(p))
        .contains("          query:\n            tag:\n              glob: prod\n");
  }

  @Test
  void jsonRpcBodyLimitIsTheFlatProfileField() {
    NetworkEndpoint e =
        one(MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n    protocol: json-rpc\n"
                + "    json_rpc_max_body_bytes: 4096\n")
            .endpoints()
            .get(0);

    assertThat(e.jsonRpcMaxBodyBytes()).isEqualTo(4096);
    assertThat(ProfileFiles.writeYaml(one(ProfileFiles.writeYaml(oneWith(e)))))
        .contains("    json_rpc_max_body_bytes: 4096\n");
  }

  private static ProviderProfile oneWith(NetworkEndpoint e) {
    return new ProviderProfile(
        "x",
        0,
        Map.of(),
        "X",
        "",
        ProfileCategory.OTHER,
        false,
        List.of(),
        List.of(),
        List.of(e),
        List.of());
  }

  @Test
  void tokenGrantClientAssertionTypeIsKeptAsAuthored() {
    // OpenShell's TokenGrantProfile defaults it to "" and applies jwt-bearer only at use.
    ProviderProfile p =
        one(
            MINIMAL
                + "credentials:\n  - name: t\n    token_grant:\n"
                + "      token_endpoint: https://sts.example.com/token\n");

    assertThat(p.credentials().get(0).tokenGrant().orElseThrow().clientAssertionType()).isEmpty();
    assertThat(ProfileFiles.writeYaml(p)).doesNotContain("client_assertion_type");
  }

  @Test
  void tokenGrantRequiresTokenEndpoint() {
    assertThat(
            onlyParseError(
                    ProfileFiles.readYaml(
                        MINIMAL + "credentials:\n  - name: t\n    token_grant: {audience: a}\n"))
                .message())
        .endsWith("missing field 'token_endpoint' at credentials[0].token_grant");
  }

  @Test
  void resourceVersionIsWrittenOnlyWhenPositive() {
    assertThat(ProfileFiles.writeYaml(one(MINIMAL))).doesNotContain("resource_version");
    assertThat(ProfileFiles.writeYaml(one(MINIMAL + "resource_version: 3\n")))
        .startsWith("id: my-api\nresource_version: 3\ndisplay_name: My API\n");
  }

  @Test
  void minimalProfileIsWrittenInOpenShellsExportShape() {
    // ProviderTypeProfile always serialises description, category, the three lists and
    // inference_capable; resource_version, annotations and discovery only when set.
    assertThat(ProfileFiles.writeYaml(one(MINIMAL)))
        .isEqualTo(
            """
            id: my-api
            display_name: My API
            description: ""
            category: other
            credentials: []
            endpoints: []
            binaries: []
            inference_capable: false
            """);
  }

  @Test
  void severalProfilesAreWrittenAsYamlDocumentsAndAJsonArray() {
    ProviderProfile a = one(MINIMAL);
    ProviderProfile b = one("id: b\ndisplay_name: B\n");

    assertThat(ProfileFiles.readYaml(ProfileFiles.writeYaml(List.of(a, b))))
        .extracting(Parsed::orElseThrow)
        .containsExactly(a, b);
    assertThat(ProfileFiles.readJson(ProfileFiles.writeJson(List.of(a, b))))
        .extracting(Parsed::orElseThrow)
        .containsExactly(a, b);
  }

  // --- validate_before_lowering (§2.7), ported from OpenShell profiles.rs tests

  @Test
  void emptyRulesListIsAnErrorOnTheEndpoint() {
    // OpenShell: validate_before_lowering_catches_empty_rules
    List<Violation> d =
        diagnosticsOf(
            MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n    protocol: rest\n    rules: []\n");

    assertThat(d)
        .containsExactly(
            Violation.error(
                ViolationCode.INVALID_PROFILE,
                "endpoints[0]",
                "rules list cannot be empty (would deny all traffic). Use `access: full` or remove"
                    + " rules."));
  }

  @Test
  void emptyDenyRulesListIsAnErrorOnTheEndpoint() {
    // OpenShell: validate_before_lowering_catches_empty_deny_rules
    List<Violation> d =
        diagnosticsOf(
            MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n  - host: b\n    port: 443\n"
                + "    protocol: rest\n    access: full\n    deny_rules: []\n");

    assertThat(d)
        .containsExactly(
            Violation.error(
                ViolationCode.INVALID_PROFILE,
                "endpoints[1]",
                "deny_rules list cannot be empty (would have no effect). Remove it if no denials"
                    + " are needed."));
  }

  @Test
  void toolAndParamsNameTogetherInAnAllowRuleIsAnError() {
    // OpenShell: validate_before_lowering_catches_tool_params_conflict
    List<Violation> d =
        diagnosticsOf(
            MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n    protocol: mcp\n    rules:\n"
                + "      - allow: {method: tools/call, tool: x, params: {name: y}}\n");

    assertThat(d)
        .containsExactly(
            Violation.error(
                ViolationCode.INVALID_PROFILE,
                "endpoints[0].rules[0].allow",
                "MCP rules must use either tool or params.name, not both"));
  }

  @Test
  void toolAndParamsNameTogetherInADenyRuleIsAnError() {
    // OpenShell: validate_before_lowering_deny_catches_conflict
    List<Violation> d =
        diagnosticsOf(
            MINIMAL
                + "endpoints:\n  - host: a\n    port: 443\n    protocol: mcp\n"
                + "    mcp: {allow_all_known_mcp_methods: true}\n    deny_rules:\n"
                + "      - {method: tools/call, tool: x, params: {name: y}}\n");

    assertThat(d)
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            tuple(
                "endpoints[0].deny_rules[0]",
                "MCP rules must use either tool or params.name, not both"));
  }

  @Test
  void toolAloneIsFineBeforeLowering() {
    // OpenShell: validate_before_lowering_ok_with_tool_only
    assertThat(
            diagnosticsOf(
                MINIMAL
                    + "endpoints:\n  - host: a\n    port: 443\n    protocol: mcp\n    rules:\n"
                    + "      - allow: {method: tools/call, tool: x}\n"))
        .isEmpty();
  }

  @Test
  void credentialBindingInAProfileFileIsDroppedSilently() {
    // EndpointProfile has no credential_binding and no deny_unknown_fields (profiles.rs:199-250).
    Parsed<ProviderProfile> parsed =
        ProfileFiles.readYaml(
                MINIMAL
                    + "endpoints:\n  - host: a\n    port: 443\n    protocol: rest\n"
                    + "    access: full\n    credential_binding: {provider: work-gcp}\n")
            .get(0);

    assertThat(parsed.diagnostics()).isEmpty();
    assertThat(parsed.orElseThrow().endpoints().get(0).credentialBinding()).isEmpty();
  }

  @Test
  void profileWithPreLoweringErrorsStillCarriesTheParsedProfile() {
    Parsed<ProviderProfile> parsed =
        ProfileFiles.readYaml(MINIMAL + "endpoints:\n  - host: a\n    port: 443\n    rules: []\n")
            .get(0);

    assertThat(parsed.hasErrors()).isTrue();
    assertThat(parsed.diagnostics()).allMatch(v -> v.severity() == Severity.ERROR);
    assertThat(parsed.orElseThrow().endpoints()).hasSize(1);
  }

  @Test
  void nonUtf8FileSaysItIsNotUtf8Text(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, "id: a\ndisplay_name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(onlyParseError(ProfileFiles.read(f)).message())
        .isEqualTo(
            "failed to read provider profile file: "
                + f
                + " is not valid UTF-8 text (stream did not contain valid UTF-8)");
  }

  @Test
  void fileAboveTheSizeLimitIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("big.yaml");
    Files.writeString(
        f, MINIMAL + "description: " + "x".repeat((int) TextFiles.MAX_FILE_BYTES) + "\n");

    assertThat(onlyParseError(ProfileFiles.read(f)).message())
        .startsWith("failed to read provider profile file: " + f + " is ")
        .endsWith(
            " bytes; files larger than 1572864 bytes (1.5 MiB, the Kubernetes API server's object"
                + " size limit) are not read");
  }

  @Test
  void jsonArrayIsReadButWarnsThatOpenShellReadsOneProfilePerFile() {
    List<Parsed<ProviderProfile>> parsed =
        ProfileFiles.readJson(
            "[{\"id\":\"a\",\"display_name\":\"A\"},{\"id\":\"b\",\"display_name\":\"B\"}]");

    assertThat(parsed).hasSize(2);
    assertThat(parsed.get(0).diagnostics())
        .containsExactly(
            Violation.warning(ViolationCode.PARSE_ERROR, "file", ProfileFiles.ARRAY_WARNING));
    assertThat(parsed.get(1).diagnostics()).isEmpty();
  }

  @Test
  void emptyJsonFileIsAnEofParseError() {
    assertThat(onlyParseError(ProfileFiles.readJson("")).message())
        .isEqualTo("failed to parse provider profile JSON: EOF while parsing a value");
  }

  @Test
  void yamlAliasToAnUndefinedAnchorIsAParseError() {
    assertThat(onlyParseError(ProfileFiles.readYaml(MINIMAL + "description: *nope\n")).message())
        .startsWith("failed to parse provider profile YAML: unknown anchor 'nope'");
  }

  @Test
  void typedPlainScalarInAStringFieldIsReadAsWritten() {
    // serde_yaml's deserialize_str visits a plain scalar's text (suspected S4, confirmed).
    ProviderProfile p = one("id: my-api\ndisplay_name: 0x10\ndescription: 1e3\n");

    assertThat(p.displayName()).isEqualTo("0x10");
    assertThat(p.description()).isEqualTo("1e3");
  }

  @Test
  void nullInAStringFieldIsItsText() {
    // serde_yaml reads `~` into a String as "~" (suspected S5, confirmed for String fields).
    assertThat(one(MINIMAL + "description: ~\n").description()).isEqualTo("~");
  }

  @Test
  void numberWhereAnUntaggedEnumExpectsAStringIsAParseError() {
    // BinaryProfileInput and L7QueryMatcherProfile are untagged enums (profiles.rs:339-366,
    // 787-817): an integer matches neither the String nor the map variant.
    assertThat(onlyParseError(ProfileFiles.readYaml(MINIMAL + "binaries: [123]\n")).message())
        .isEqualTo(
            "failed to parse provider profile YAML: data did not match any variant of untagged"
                + " enum BinaryProfileInput at binaries[0]");
  }
}
