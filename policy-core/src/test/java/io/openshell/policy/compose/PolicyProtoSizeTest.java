package io.openshell.policy.compose;

import static io.openshell.policy.compose.Fixtures.V2;
import static io.openshell.policy.compose.Fixtures.catalog;
import static io.openshell.policy.compose.Fixtures.inputs;
import static io.openshell.policy.compose.Fixtures.l4;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.SandboxPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The size limit is prost's {@code encoded_len()} of the base policy (openshell-server
 * grpc/validation.rs:204-213; proto/sandbox.proto), parity row H11. Expected lengths are worked out
 * by hand from the wire format.
 */
class PolicyProtoSizeTest {

  private static SandboxPolicy withBinaries(List<NetworkEndpoint> endpoints, int binaries) {
    List<NetworkBinary> bins =
        IntStream.range(0, binaries)
            .mapToObj(i -> NetworkBinary.of(String.format("/usr/bin/tool-%05d", i)))
            .toList();
    return new SandboxPolicy(
        1,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of("r", new NetworkPolicyRule("", endpoints, bins)));
  }

  @Test
  void aSmallPolicyHasItsWireLength() {
    // version (2) + map entry: tag 1 + len 1 + [key "r" 3 + value tag 1 + len 1 + rule 21] = 30;
    // rule = name "r" (filled from the key) 3 + endpoint 12 (host 3, port 443 3, packed ports 4,
    // framing 2) + binary "/b" 6.
    SandboxPolicy p =
        new SandboxPolicy(
            1,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(
                "r",
                new NetworkPolicyRule("", List.of(l4("x", 443)), List.of(NetworkBinary.of("/b")))));

    assertThat(PolicyProtoSize.of(p)).isEqualTo(30);
  }

  @Test
  void aPolicyOverTheLimitIsRefusedWithItsProtobufLength() {
    // 12,000 binaries of 23 bytes: rule 3 + 276,000; entry 3 + 1 + 3 + 276,003 framed by 1 + 3.
    assertThat(PolicyProtoSize.check(withBinaries(List.of(), 12_000)))
        .get()
        .extracting(v -> v.message())
        .isEqualTo("policy serialized size exceeds maximum (276016 > 262144)");
  }

  @Test
  void aPolicyWhoseYamlIsOverTheLimitButProtobufIsNotIsAccepted() {
    SandboxPolicy base = withBinaries(List.of(l4("api.example.com", 443)), 8_000);

    CompositionResult r = PolicyEngine.compose(inputs(base, catalog(), V2));

    assertThat(r).isInstanceOf(CompositionResult.Composed.class);
    assertThat(((CompositionResult.Composed) r).effective().policyYaml().length())
        .isGreaterThan(262_144);
  }
}
