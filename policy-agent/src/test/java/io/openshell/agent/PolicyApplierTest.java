package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyApplierTest {
  @TempDir Path dir;

  private final List<String> reports = new ArrayList<>();
  private final List<String> policyOnDiskAtReport = new ArrayList<>();
  private AgentState state;
  private PolicyApplier applier;

  @BeforeEach
  void setUp() {
    state = new AgentState(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    AppliedHashReporter reporter =
        hash -> {
          reports.add(hash);
          try {
            policyOnDiskAtReport.add(Files.readString(dir.resolve("policy.yaml")));
          } catch (IOException e) {
            policyOnDiskAtReport.add("<absent>");
          }
        };
    applier = new PolicyApplier(new PolicyVerifier(), new PolicyFiles(dir), state, reporter);
  }

  private void deliver(String policy, long generation) {
    applier.onConfigMap(Fixtures.data(policy, generation), Fixtures.annotations(policy));
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void nothingIsWrittenAndNothingReportedBeforeTheFirstValidPolicy() throws IOException {
    String policy = Fixtures.policy(1);
    applier.onConfigMap(Fixtures.data(policy, 1), Fixtures.annotations(Fixtures.policy(2)));
    applier.onConfigMapMissing();
    assertThat(entries()).isEmpty();
    assertThat(reports).isEmpty();
    assertThat(state.ready()).isFalse();
  }

  @Test
  void aValidPolicyIsWrittenThenReported() throws IOException {
    deliver(Fixtures.policy(1), 1);
    assertThat(Files.readString(dir.resolve("policy.yaml"))).isEqualTo(Fixtures.policy(1));
    assertThat(Files.readString(dir.resolve("metadata.json")))
        .isEqualTo(Fixtures.metadata(PolicyVerifier.hashOf(Fixtures.policy(1)), 1));
    assertThat(reports).containsExactly(PolicyVerifier.hashOf(Fixtures.policy(1)));
    assertThat(policyOnDiskAtReport).containsExactly(Fixtures.policy(1));
    assertThat(state.ready()).isTrue();
  }

  @Test
  void aHashMismatchKeepsTheLastGoodFilesAndReadiness() throws IOException {
    deliver(Fixtures.policy(1), 1);
    String metadataBefore = Files.readString(dir.resolve("metadata.json"));
    applier.onConfigMap(
        Fixtures.data(Fixtures.policy(2), 2), Fixtures.annotations(Fixtures.policy(3)));
    assertThat(Files.readString(dir.resolve("policy.yaml"))).isEqualTo(Fixtures.policy(1));
    assertThat(Files.readString(dir.resolve("metadata.json"))).isEqualTo(metadataBefore);
    assertThat(state.ready()).isTrue();
    assertThat(state.snapshot().lastError()).startsWith("hash_mismatch: ");
    assertThat(reports).hasSize(1);
  }

  @Test
  void aDeletedConfigMapKeepsTheLastGoodFiles() throws IOException {
    deliver(Fixtures.policy(1), 1);
    applier.onConfigMapMissing();
    assertThat(Files.readString(dir.resolve("policy.yaml"))).isEqualTo(Fixtures.policy(1));
    assertThat(state.ready()).isTrue();
    assertThat(state.snapshot().lastError()).startsWith("configmap_missing: ");
  }

  @Test
  void theSameHashAgainDoesNotRewriteThePolicyFile() throws IOException {
    deliver(Fixtures.policy(1), 1);
    Path policyFile = dir.resolve("policy.yaml");
    Files.setLastModifiedTime(policyFile, FileTime.fromMillis(0));
    Object inode = Files.getAttribute(policyFile, "unix:ino");
    deliver(Fixtures.policy(1), 1);
    assertThat(Files.getLastModifiedTime(policyFile)).isEqualTo(FileTime.fromMillis(0));
    assertThat(Files.getAttribute(policyFile, "unix:ino")).isEqualTo(inode);
    assertThat(reports).hasSize(1);
  }

  @Test
  void theSameHashWithNewerInputVersionsRefreshesOnlyTheMetadata() throws IOException {
    deliver(Fixtures.policy(1), 1);
    Path policyFile = dir.resolve("policy.yaml");
    Object inode = Files.getAttribute(policyFile, "unix:ino");
    deliver(Fixtures.policy(1), 2);
    assertThat(Files.getAttribute(policyFile, "unix:ino")).isEqualTo(inode);
    assertThat(Files.readString(dir.resolve("metadata.json")))
        .isEqualTo(Fixtures.metadata(PolicyVerifier.hashOf(Fixtures.policy(1)), 2));
    assertThat(state.snapshot().applied().sandboxGeneration()).isEqualTo(2);
    assertThat(reports).hasSize(1);
  }

  @Test
  void aValidVersionAfterARefusedOneClearsTheLastError() {
    deliver(Fixtures.policy(1), 1);
    applier.onConfigMap(Map.of(), Map.of());
    assertThat(state.snapshot().lastError()).isNotNull();
    deliver(Fixtures.policy(1), 1);
    assertThat(state.snapshot().lastError()).isNull();
  }

  @Test
  void aNewPolicyReplacesTheOldOneAndIsReported() throws IOException {
    deliver(Fixtures.policy(1), 1);
    deliver(Fixtures.policy(2), 2);
    assertThat(Files.readString(dir.resolve("policy.yaml"))).isEqualTo(Fixtures.policy(2));
    assertThat(reports)
        .containsExactly(
            PolicyVerifier.hashOf(Fixtures.policy(1)), PolicyVerifier.hashOf(Fixtures.policy(2)));
  }

  @Test
  void refusalsAreCountedByReason() {
    applier.onConfigMapMissing();
    applier.onConfigMap(
        Fixtures.data(Fixtures.policy(1), 1), Fixtures.annotations(Fixtures.policy(2)));
    applier.onConfigMap(
        Fixtures.data(Fixtures.policy(1), 1), Fixtures.annotations(Fixtures.policy(2)));
    assertThat(state.prometheusText())
        .contains("openshell_agent_policy_updates_rejected_total{reason=\"hash_mismatch\"} 2\n")
        .contains("openshell_agent_policy_updates_rejected_total{reason=\"configmap_missing\"} 1\n")
        .contains("openshell_agent_policy_updates_applied_total 0\n");
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsReportedAndNothingIsClaimed() throws IOException {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    PolicyApplier broken =
        new PolicyApplier(new PolicyVerifier(), new PolicyFiles(notADir), state, reports::add);
    broken.onConfigMap(
        Fixtures.data(Fixtures.policy(1), 1), Fixtures.annotations(Fixtures.policy(1)));
    assertThat(state.ready()).isFalse();
    assertThat(reports).isEmpty();
    assertThat(state.snapshot().lastError()).startsWith("write_failed: ");
  }

  private PolicyApplier restartedApplier() throws IOException {
    PolicyFiles files = new PolicyFiles(dir);
    files.prepare();
    PolicyApplier restarted = new PolicyApplier(new PolicyVerifier(), files, state, reports::add);
    files.consistentHashOnDisk().ifPresent(restarted::resume);
    return restarted;
  }

  @Test
  void aRestartedAgentAdoptsIdenticalFilesWithoutRewritingThem() throws IOException {
    deliver(Fixtures.policy(1), 1);
    state = new AgentState(Clock.systemUTC());
    reports.clear();
    Path policyFile = dir.resolve("policy.yaml");
    Object inode = Files.getAttribute(policyFile, "unix:ino");
    PolicyApplier restarted = restartedApplier();
    restarted.onConfigMap(
        Fixtures.data(Fixtures.policy(1), 1), Fixtures.annotations(Fixtures.policy(1)));
    assertThat(Files.getAttribute(policyFile, "unix:ino")).isEqualTo(inode);
    assertThat(state.ready()).isTrue();
    assertThat(reports).containsExactly(PolicyVerifier.hashOf(Fixtures.policy(1)));
  }

  @Test
  void filesFromAPreviousRunDoNotMakeARestartedAgentReady() throws IOException {
    deliver(Fixtures.policy(1), 1);
    state = new AgentState(Clock.systemUTC());
    PolicyApplier restarted = restartedApplier();
    restarted.onConfigMapMissing();
    assertThat(state.ready()).isFalse();
    assertThat(Files.readString(dir.resolve("policy.yaml"))).isEqualTo(Fixtures.policy(1));
  }

  @Test
  void aRestartedAgentRewritesFilesWhoseHashesDoNotAgree() throws IOException {
    deliver(Fixtures.policy(1), 1);
    // metadata.json describing another policy: not a consistent pair, so not adopted
    Files.writeString(
        dir.resolve("metadata.json"),
        Fixtures.metadata(PolicyVerifier.hashOf(Fixtures.policy(2)), 1));
    state = new AgentState(Clock.systemUTC());
    Path policyFile = dir.resolve("policy.yaml");
    Object inode = Files.getAttribute(policyFile, "unix:ino");
    restartedApplier()
        .onConfigMap(
            Fixtures.data(Fixtures.policy(1), 1), Fixtures.annotations(Fixtures.policy(1)));
    assertThat(Files.getAttribute(policyFile, "unix:ino")).isNotEqualTo(inode);
    assertThat(dir.resolve("metadata.json"))
        .hasContent(Fixtures.metadata(PolicyVerifier.hashOf(Fixtures.policy(1)), 1));
  }
}
