package io.openshell.agent;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns ConfigMap versions into files: verify, write if the hash changed, then report. Refused
 * versions leave the last good files in place.
 */
final class PolicyApplier {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyApplier.class);

  private final PolicyVerifier verifier;
  private final PolicyFiles files;
  private final AgentState state;
  private final AppliedHashReporter reporter;
  private String writtenHash;

  PolicyApplier(
      PolicyVerifier verifier, PolicyFiles files, AgentState state, AppliedHashReporter reporter) {
    this.verifier = verifier;
    this.files = files;
    this.state = state;
    this.reporter = reporter;
  }

  /**
   * Remembers the policy a previous run left on disk (see {@link
   * PolicyFiles#consistentHashOnDisk}), so that the same hash arriving again is not rewritten. It
   * does not make the agent ready: only a version verified by this run does.
   */
  synchronized void resume(String hashOnDisk) {
    writtenHash = hashOnDisk;
  }

  /** A version of the ConfigMap arrived (from a list or a watch event). */
  synchronized void onConfigMap(Map<String, String> data, Map<String, String> annotations) {
    state.eventSeen();
    Verdict verdict = verifier.verify(data, annotations);
    if (verdict instanceof Verdict.Invalid invalid) {
      reject(invalid.reason(), invalid.detail());
      return;
    }
    PolicyVersion version = ((Verdict.Valid) verdict).version();
    try {
      if (version.policyHash().equals(writtenHash)) {
        // Same policy: leave policy.yaml alone (no reload downstream); only refresh metadata.json
        // when the operator's input versions moved without changing the policy.
        if (!version.metadataJson().equals(files.readMetadata())) {
          files.writeMetadata(version);
        }
        if (state.ready()) {
          state.confirmed(version);
          return;
        }
        // First verified version of this run and it matches the files a previous run left:
        // adopt them without rewriting, then become ready and report as for a fresh write.
      } else {
        files.writePolicy(version);
        files.writeMetadata(version);
      }
    } catch (IOException e) {
      reject(RejectReason.WRITE_FAILED, "cannot write to " + files.dir() + ": " + e.getMessage());
      return;
    }
    writtenHash = version.policyHash();
    state.applied(version);
    LOG.info(
        "applied policy hash={} source={} sandboxGeneration={}",
        version.policyHash(),
        version.policySource(),
        version.sandboxGeneration());
    // Only now: the annotation promises the files are on disk.
    reporter.report(version.policyHash());
  }

  /** The ConfigMap does not exist (a list found nothing, or a watch saw it deleted). */
  synchronized void onConfigMapMissing() {
    state.eventSeen();
    reject(RejectReason.CONFIGMAP_MISSING, "the policy ConfigMap does not exist");
  }

  private void reject(RejectReason reason, String detail) {
    state.rejected(reason, detail);
    LOG.warn(
        "refused policy update reason={} detail={} keeping={}",
        reason.label(),
        detail,
        writtenHash == null ? "nothing (not ready)" : writtenHash);
  }
}
