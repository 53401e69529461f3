package io.openshell.plugin.profile;

import io.openshell.plugin.input.ProfileInput;
import io.openshell.plugin.kube.Cluster;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.lint.ProfileDiagnostic;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.ProviderProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of profiles read for import or lint, with its diagnostics: file errors stop the batch
 * before any lint (§2.7 step 1), else conflicts and {@code validate_profile_set} (steps 3–4).
 */
final class ProfileBatch {
  final List<ProfileInput> inputs;
  final List<ProviderProfile> profiles = new ArrayList<>();
  final Diagnostics diagnostics = new Diagnostics();

  private ProfileBatch(List<ProfileInput> inputs) {
    this.inputs = inputs;
  }

  /** Reads and lints; {@link #diagnostics} holds everything found. */
  static ProfileBatch lint(List<ProfileInput> inputs, Cluster cluster) {
    ProfileBatch b = new ProfileBatch(inputs);
    for (ProfileInput in : inputs) {
      b.diagnostics.addAll(in.source(), in.profileId(), in.parsed().diagnostics());
    }
    if (b.diagnostics.hasErrors()) {
      return b;
    }
    for (ProfileInput in : inputs) {
      b.profiles.add(((Parsed.Ok<ProviderProfile>) in.parsed()).value());
    }
    if (b.profiles.isEmpty()) {
      b.diagnostics.add(
          "",
          "-",
          io.openshell.policy.Violation.error(
              io.openshell.policy.ViolationCode.PARSE_ERROR,
              "profiles",
              "at least one provider profile is required"));
      return b;
    }
    for (ProfileDiagnostic d :
        ProfileLint.lintForImport(b.profiles, Profiles.lintContext(cluster))) {
      ProfileInput in = inputs.get(d.index());
      b.diagnostics.add(in.source(), d.profileId().isEmpty() ? "-" : d.profileId(), d.violation());
    }
    return b;
  }
}
