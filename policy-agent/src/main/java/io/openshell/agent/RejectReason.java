package io.openshell.agent;

import java.util.Locale;

/** Why a ConfigMap version was refused; the lowercase name is the metric label. */
enum RejectReason {
  /** The ConfigMap does not exist (not created yet, or deleted). */
  CONFIGMAP_MISSING,
  /** {@code policy.yaml}, {@code metadata.json} or the hash annotation is absent. */
  MISSING_KEY,
  /** sha256(policy.yaml) differs from the annotation or from metadata.json's policyHash. */
  HASH_MISMATCH,
  /** {@code metadata.json} is not a JSON object with a string {@code policyHash}. */
  INVALID_METADATA,
  /** {@code policy.yaml} does not parse as an OpenShell policy. */
  INVALID_POLICY,
  /** The files could not be written to the policy directory. */
  WRITE_FAILED;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
