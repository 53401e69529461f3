package io.openshell.policy.validate;

import static io.openshell.policy.validate.Endpoints.at;
import static io.openshell.policy.validate.Endpoints.rest;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProcessPolicy;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every message of OpenShell's gateway policy validation (§1.6). */
class PolicyValidatorTest {

  private static SandboxPolicy network(NetworkEndpoint... endpoints) {
    return SandboxPolicy.ofNetwork(
        Map.of(
            "api",
            new NetworkPolicyRule(
                "", List.of(endpoints), List.of(NetworkBinary.of("/usr/bin/curl")))));
  }

  private static List<String> messages(SandboxPolicy policy) {
    return PolicyValidator.validate(policy).stream().map(Violation::message).toList();
  }

  private static SandboxPolicy process(String user, String group) {
    return new SandboxPolicy(
        1,
        Optional.empty(),
        Optional.empty(),
        Optional.of(new ProcessPolicy(user, group)),
        Map.of());
  }

  private static SandboxPolicy filesystem(List<String> readOnly, List<String> readWrite) {
    return new SandboxPolicy(
        1,
        Optional.of(new FilesystemPolicy(true, readOnly, readWrite)),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  @Test
  void validPolicyHasNoViolations() {
    assertThat(PolicyValidator.validate(network(rest("api.example.com").build()))).isEmpty();
  }

  @Test
  void sandboxAndNumericIdentitiesAreAccepted() {
    assertThat(messages(process("sandbox", "4294967294"))).isEmpty();
    assertThat(messages(process("", ""))).isEmpty();
  }

  @Test
  void rootAndOutOfRangeIdentitiesAreRejected() {
    List<Violation> violations = PolicyValidator.validate(process("0", "root"));
    assertThat(violations)
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "process.run_as_user",
                "run_as_user must be 'sandbox' or a numeric UID/GID in range [1, 4294967294], got"
                    + " '0'"),
            org.assertj.core.groups.Tuple.tuple(
                "process.run_as_group",
                "run_as_group must be 'sandbox' or a numeric UID/GID in range [1, 4294967294], got"
                    + " 'root'"));
    assertThat(violations).allMatch(v -> v.code() == ViolationCode.INVALID_POLICY);
  }

  @Test
  void identitiesAreParsedLikeRustU32() {
    // lib.rs:1012-1019 value.parse::<u32>(): '+' and leading zeros are fine.
    assertThat(messages(process("+1000", "00000000001"))).isEmpty();
    assertThat(messages(process("-1", " 1000"))).hasSize(2);
    assertThat(messages(process("+", "4294967296"))).hasSize(2);
  }

  @Test
  void versionOutsideU32IsRefusedBeforeDelivery() {
    // serde reads version as u32; a policy built from a resource is checked here.
    SandboxPolicy negative =
        new SandboxPolicy(-1, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    SandboxPolicy tooBig =
        new SandboxPolicy(
            4_294_967_296L, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    assertThat(PolicyValidator.validate(negative))
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "version", "invalid value: integer -1, expected u32"));
    assertThat(messages(tooBig)).containsExactly("invalid value: integer 4294967296, expected u32");
  }

  @Test
  void identityAboveTheRangeIsRejected() {
    assertThat(messages(process("4294967295", "")))
        .containsExactly(
            "run_as_user must be 'sandbox' or a numeric UID/GID in range [1, 4294967294], got"
                + " '4294967295'");
  }

  @Test
  void traversalPathIsRejected() {
    assertThat(messages(filesystem(List.of("/usr/../etc"), List.of())))
        .containsExactly("path contains '..' traversal component: /usr/../etc");
  }

  @Test
  void relativePathIsRejected() {
    assertThat(messages(filesystem(List.of(), List.of("tmp"))))
        .containsExactly("path must be absolute (start with '/'): tmp");
  }

  @Test
  void rootAsReadWriteIsOverlyBroad() {
    assertThat(PolicyValidator.validate(filesystem(List.of("/"), List.of("/"))))
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "filesystem_policy.read_write", "read-write path is overly broad: /"));
  }

  @Test
  void overlongPathIsRejectedWithATruncatedPath() {
    String path = "/" + "a".repeat(4096);
    assertThat(messages(filesystem(List.of(path), List.of())))
        .containsExactly(
            "path exceeds maximum length (4097 > 4096): " + path.substring(0, 77) + "...");
  }

  @Test
  void moreThan256PathsAreRejected() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 257; i++) {
      paths.add("/p" + i);
    }
    assertThat(messages(filesystem(paths, List.of())))
        .containsExactly("too many filesystem paths (257 > 256)");
  }

  @Test
  void tldWildcardIsRejected() {
    assertThat(messages(network(at("*.com").build())))
        .containsExactly(
            "network policy 'api': TLD wildcard '*.com' is not allowed; use subdomain wildcards"
                + " like '*.example.com' instead");
  }

  @Test
  void ruleNameIsPreferredOverTheKey() {
    SandboxPolicy policy =
        SandboxPolicy.ofNetwork(
            Map.of("key", new NetworkPolicyRule("Named", List.of(at("**.io").build()), List.of())));
    assertThat(messages(policy))
        .containsExactly(
            "network policy 'Named': TLD wildcard '**.io' is not allowed; use subdomain wildcards"
                + " like '*.example.com' instead");
  }

  @Test
  void hostlessEndpointWithoutAllowedIpsIsRejected() {
    assertThat(messages(network(at("").build())))
        .containsExactly(
            "network policy 'api': endpoint host must not be empty unless allowed_ips constrains a"
                + " non-TCP proxy endpoint");
  }

  @Test
  void hostlessEndpointWithAllowedIpsIsAccepted() {
    assertThat(messages(network(at("").allowedIps(List.of("10.0.0.0/8")).build()))).isEmpty();
  }

  @Test
  void hostlessTcpEndpointIsRejected() {
    assertThat(messages(network(at("").protocol("tcp").allowedIps(List.of("10.0.0.0/8")).build())))
        .containsExactly(
            "network policy 'api': protocol tcp requires a DNS hostname; hostless allowed_ips"
                + " endpoints are supported only by the forward proxy");
  }

  @Test
  void tcpEndpointWithIpLiteralIsRejected() {
    assertThat(messages(network(at("10.1.2.3").protocol("tcp").build())))
        .containsExactly(
            "network policy 'api': protocol tcp endpoint '10.1.2.3' must use a DNS hostname, not an"
                + " IP literal; direct IP connections bypass policy DNS and are blocked");
    assertThat(messages(network(at("::1").protocol("tcp").build()))).hasSize(1);
  }

  @Test
  void tcpEndpointWithTrailingRootDotIsAnInvalidSelector() {
    assertThat(messages(network(at("db.example.com.").protocol("tcp").build())))
        .containsExactly(
            "network policy 'api': protocol tcp endpoint has invalid DNS host selector"
                + " 'db.example.com.': omit the trailing DNS root dot");
  }

  @Test
  void tcpEndpointWithSurroundingWhitespaceIsAnInvalidSelector() {
    assertThat(messages(network(at(" db.example.com").protocol("tcp").build())))
        .containsExactly(
            "network policy 'api': protocol tcp endpoint has invalid DNS host selector"
                + " ' db.example.com': leading or trailing whitespace is not allowed");
  }

  @Test
  void endpointWithoutPortIsRejected() {
    assertThat(messages(network(at("api.example.com").port(0).build())))
        .containsExactly(
            "network policy 'api': endpoint 'api.example.com' must declare at least one port");
  }

  @Test
  void outOfRangePortIsRejected() {
    assertThat(messages(network(at("api.example.com").ports(List.of(443, 70000)).build())))
        .containsExactly(
            "network policy 'api': endpoint 'api.example.com' has invalid port 70000; expected"
                + " 1..=65535");
  }

  @Test
  void misplacedWildcardsAreRejected() {
    String tail =
        "'; middle DNS label wildcards must be the entire label '*' and recursive '**' is only"
            + " allowed as the entire first label";
    assertThat(messages(network(at("api.*x.example.com").build())))
        .containsExactly("network policy 'api': invalid host wildcard 'api.*x.example.com" + tail);
    assertThat(messages(network(at("a**.example.com").build())))
        .containsExactly("network policy 'api': invalid host wildcard 'a**.example.com" + tail);
  }

  @Test
  void intraLabelFirstWildcardAndWholeMiddleLabelWildcardAreAccepted() {
    assertThat(messages(network(at("*-aiplatform.googleapis.com").build()))).isEmpty();
    assertThat(messages(network(at("*.s3.*.amazonaws.com").build()))).isEmpty();
    assertThat(messages(network(at("**.example.com").build()))).isEmpty();
  }

  @Test
  void credentialSigningNeedsASigningService() {
    assertThat(messages(network(rest("s3.amazonaws.com").credentialSigning("sigv4").build())))
        .containsExactly(
            "network policy 'api': endpoint 's3.amazonaws.com' has credential_signing set but"
                + " signing_service is empty");
  }

  @Test
  void unknownCredentialSigningValueIsRejected() {
    assertThat(
            messages(
                network(
                    rest("s3.amazonaws.com")
                        .credentialSigning("sigv2")
                        .signingService("s3")
                        .build())))
        .containsExactly(
            "network policy 'api': endpoint 's3.amazonaws.com' has unrecognized credential_signing"
                + " value 'sigv2' (expected sigv4, sigv4:body, or sigv4:no_body)");
  }

  @Test
  void credentialSigningExcludesRequestBodyRewrite() {
    assertThat(
            messages(
                network(
                    rest("s3.amazonaws.com")
                        .credentialSigning("sigv4:body")
                        .signingService("s3")
                        .requestBodyCredentialRewrite(true)
                        .build())))
        .containsExactly(
            "network policy 'api': endpoint 's3.amazonaws.com' has both credential_signing and"
                + " request_body_credential_rewrite set; these options are mutually exclusive");
  }

  @Test
  void l7ReasonsAreWrappedWithTheEndpointIndex() {
    List<Violation> violations =
        PolicyValidator.validate(
            network(rest("a.example.com").build(), at("b.example.com").protocol("ftp").build()));
    assertThat(violations)
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "network_policies.api.endpoints[1]",
                "network policy 'api': endpoint 1 has invalid L7 configuration: unknown protocol"
                    + " 'ftp' (expected tcp, rest, websocket, graphql, sql, json-rpc, or mcp)"));
  }

  @Test
  void runtimeOnlyL7ChecksAreWrappedToo() {
    assertThat(messages(network(rest("a.example.com").path("v1").build())))
        .containsExactly(
            "network policy 'api': endpoint 0 has invalid L7 configuration: path must start with"
                + " '/' or be '**'");
  }

  @Test
  void explicitTcpExtraFieldsAreWrapped() {
    assertThat(
            messages(network(at("db.example.com").protocol("tcp").enforcement("enforce").build())))
        .containsExactly(
            "network policy 'api': endpoint 0 has invalid L7 configuration: protocol tcp does not"
                + " support L7-only fields: enforcement; remove those fields");
  }

  @Test
  void violationsFollowRuleKeyOrderThenEndpointOrder() {
    Map<String, NetworkPolicyRule> rules = new TreeMap<>();
    rules.put("b", new NetworkPolicyRule("", List.of(at("*.org").build()), List.of()));
    rules.put(
        "a",
        new NetworkPolicyRule(
            "", List.of(at("x").port(0).build(), at("*.com").build()), List.of()));
    assertThat(messages(SandboxPolicy.ofNetwork(rules)))
        .containsExactly(
            "network policy 'a': endpoint 'x' must declare at least one port",
            "network policy 'a': TLD wildcard '*.com' is not allowed; use subdomain wildcards like"
                + " '*.example.com' instead",
            "network policy 'b': TLD wildcard '*.org' is not allowed; use subdomain wildcards like"
                + " '*.example.com' instead");
  }

  @Test
  void oversizedPolicyIsRejected() {
    assertThat(PolicyValidator.checkSize("x".repeat(262_145)))
        .map(Violation::message)
        .contains("policy serialized size exceeds maximum (262145 > 262144)");
    assertThat(PolicyValidator.checkSize("x".repeat(262_144))).isEmpty();
  }

  @Test
  void summaryJoinsMessagesLikeTheGateway() {
    List<Violation> violations = PolicyValidator.validate(process("0", "0"));
    assertThat(PolicyValidator.summary(violations))
        .isEqualTo(
            "policy contains unsafe content: run_as_user must be 'sandbox' or a numeric UID/GID in"
                + " range [1, 4294967294], got '0'; run_as_group must be 'sandbox' or a numeric"
                + " UID/GID in range [1, 4294967294], got '0'");
  }
}
