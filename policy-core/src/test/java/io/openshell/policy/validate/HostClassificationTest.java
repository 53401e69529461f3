package io.openshell.policy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IP literals, loopback / in-cluster hosts and explicit-tcp DNS selectors. */
class HostClassificationTest {

  @Test
  void ipLiteralsAreRecognisedWithoutLookingNamesUp() {
    assertThat(IpLiterals.isIpLiteral("10.0.0.1")).isTrue();
    assertThat(IpLiterals.isIpLiteral("2001:db8::1")).isTrue();
    assertThat(IpLiterals.isIpLiteral("256.0.0.1")).isFalse();
    assertThat(IpLiterals.isIpLiteral("localhost")).isFalse();
    assertThat(IpLiterals.isIpLiteral("db.example.com")).isFalse();
  }

  @Test
  void loopbackCoversLocalhostTheWhole127NetIpv6AndMappedAddresses() {
    assertThat(IpLiterals.isLoopbackHost("LOCALHOST")).isTrue();
    assertThat(IpLiterals.isLoopbackHost("127.8.9.10")).isTrue();
    assertThat(IpLiterals.isLoopbackHost("[::1]")).isTrue();
    assertThat(IpLiterals.isLoopbackHost("::ffff:127.0.0.1")).isTrue();
    assertThat(IpLiterals.isLoopbackHost("10.0.0.1")).isFalse();
  }

  @Test
  void kubernetesServiceHostsHaveThreeOrFiveLabels() {
    assertThat(IpLiterals.isKubernetesServiceHost("idp.auth.svc")).isTrue();
    assertThat(IpLiterals.isKubernetesServiceHost("idp.auth.svc.cluster.local.")).isTrue();
    assertThat(IpLiterals.isKubernetesServiceHost("idp.svc")).isFalse();
    assertThat(IpLiterals.isKubernetesServiceHost("idp.auth.svc.example.com")).isFalse();
  }

  @Test
  void wildcardTcpSelectorsAreCheckedThroughARepresentativeName() {
    assertThat(TcpHostSelector.problem("*.db.example.com")).isEmpty();
    assertThat(TcpHostSelector.problem("**.example.com")).isEmpty();
  }

  @Test
  void tcpSelectorWithAnEmptyLabelIsRefusedByTheHostPatternFirst() {
    // HostPattern::new runs before the DNS-name check (lib.rs:1738; pinned by the OpenShell test
    // at lib.rs:2791-2830).
    assertThat(TcpHostSelector.problem("db..example.com"))
        .contains("host pattern must not contain empty DNS labels");
  }

  @Test
  void tcpSelectorWithInnerWhitespaceIsRefusedByTheHostPattern() {
    assertThat(TcpHostSelector.problem("bad name.example.com"))
        .contains("host pattern must not contain whitespace");
  }

  @Test
  void tcpSelectorWithBracesIsRefusedByTheHostPattern() {
    assertThat(TcpHostSelector.problem("{a,b}.example.com"))
        .contains(
            "host pattern must not contain brace alternates; list each host pattern separately");
  }

  @Test
  void tcpSelectorWithAnOverlongLabelCannotBeADnsName() {
    assertThat(TcpHostSelector.problem("a".repeat(64) + ".example.com"))
        .contains("selector cannot represent a valid DNS name: label exceeds 63 characters");
  }
}
