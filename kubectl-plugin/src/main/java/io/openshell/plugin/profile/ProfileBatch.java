package io.openshell.plugin.profile;

import io.openshell.plugin.input.ProfileInput;
import io.openshell.plugin.kube.Cluster;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.lint.ProfileDiagnostic;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.ProviderProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of profiles read for import or lint, with its diagnostics (file diagnostics first, then
 * conflicts and {@code validate_profile_set}). Import stops at any file error (run.rs:4001-4008);
 * lint reports the file errors and still lints the other files (run.rs:4082-4104).
 */
final class ProfileBatch {
  /** The inputs that were linted, in the order of {@link #profiles}. */
  final List<ProfileInput> inputs = new ArrayList<>();

  final List<ProviderProfile> profiles = new ArrayList<>();
  final Diagnostics diagnostics = new Diagnostics();

  private ProfileBatch() {}

  /** Reads for import: any file error ends the batch before the lint. */
  static ProfileBatch forImport(List<ProfileInput> inputs, Cluster cluster) {
    return lint(inputs, cluster, false);
  }

  /** Reads for lint: file errors are reported and the files without one are linted. */
  static ProfileBatch forLint(List<ProfileInput> inputs, Cluster cluster) {
    return lint(inputs, cluster, true);
  }

  private static ProfileBatch lint(
      List<ProfileInput> inputs, Cluster cluster, boolean pastFileErrors) {
    ProfileBatch b = new ProfileBatch();
    for (ProfileInput in : inputs) {
      b.diagnostics.addAll(in.source(), in.profileId(), in.parsed().diagnostics());
      if (!in.parsed().hasErrors()) {
        b.inputs.add(in);
        b.profiles.add(in.parsed().orElseThrow());
      }
    }
    if (b.diagnostics.hasErrors() && !pastFileErrors) {
      b.inputs.clear();
      b.profiles.clear();
      return b;
    }
    if (b.profiles.isEmpty()) {
      if (!b.diagnostics.hasErrors()) {
        b.diagnostics.add(
            "",
            "-",
            Violation.error(
                ViolationCode.PARSE_ERROR,
                "profiles",
                "at least one provider profile is required"));
      }
      return b;
    }
    for (ProfileDiagnostic d :
        ProfileLint.lintForImport(b.profiles, Profiles.lintContext(cluster))) {
      ProfileInput in = b.inputs.get(d.index());
      b.diagnostics.add(in.source(), d.profileId().isEmpty() ? "-" : d.profileId(), d.violation());
    }
    return b;
  }
}
