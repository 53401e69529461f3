package io.openshell.policy.lint;

import static io.openshell.policy.lint.Profiles.profile;
import static io.openshell.policy.validate.Endpoints.rest;
import static org.assertj.core.api.Assertions.assertThat;

import io.openshell.policy.Severity;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.ProviderProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conflict checks of import, lint and update (§2.7 steps 2–4). */
class ProfileConflictTest {

  static final LintContext CTX = LintContext.of(Set.of("github"), Set.of("alex-api"));

  static ProviderProfile valid(String id) {
    return profile(id).endpoint(rest("api.example.com").build()).build();
  }

  @Test
  void importingABuiltinIdCannotOverwriteIt() {
    assertThat(ProfileLint.lintForImport(List.of(valid("github")), CTX))
        .containsExactly(
            new ProfileDiagnostic(
                0,
                "github",
                Violation.error(
                    ViolationCode.PROFILE_CONFLICT,
                    "id",
                    "provider profile 'github' is managed by source 'builtin' and cannot be"
                        + " overwritten")));
  }

  @Test
  void importingAnExistingCustomIdIsRefused() {
    assertThat(ProfileLint.lintForImport(List.of(valid("alex-api")), CTX))
        .extracting(d -> d.violation().message())
        .containsExactly("custom provider profile 'alex-api' already exists");
  }

  @Test
  void workspaceImportShadowingAPlatformProfileIsOnlyAWarning() {
    LintContext ctx = new LintContext(Set.of(), Set.of(), Set.of("shared"));
    List<ProfileDiagnostic> diags = ProfileLint.lintForImport(List.of(valid("shared")), ctx);
    assertThat(diags)
        .extracting(d -> d.violation().severity(), d -> d.violation().message())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.WARNING,
                "profile 'shared' shadows a platform-scoped profile in this workspace"));
  }

  @Test
  void importReportsConflictsBeforeLintDiagnosticsForTheWholeBatch() {
    List<ProfileDiagnostic> diags =
        ProfileLint.lintForImport(
            List.of(valid("github"), valid("new-one"), profile("bad").binary("").build()), CTX);
    assertThat(diags)
        .extracting(ProfileDiagnostic::index, d -> d.violation().field())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "id"),
            org.assertj.core.groups.Tuple.tuple(2, "binaries[0]"));
  }

  @Test
  void updateTargetMustMatchPayloadId() {
    assertThat(ProfileLint.lintForUpdate("alex-api", valid("other").withResourceVersion(1), CTX))
        .extracting(Violation::message)
        .containsExactly(
            "provider profile update target 'alex-api' does not match payload id 'other'");
  }

  @Test
  void importConflictCheckUsesTheNormalisedId() {
    // provider.rs:2934-2950: normalize_profile_id before the static/custom lookup, so `GitHub`
    // gets the builtin conflict next to the id-format error.
    assertThat(ProfileLint.lintForImport(List.of(valid("GitHub")), CTX))
        .extracting(d -> d.profileId() + " " + d.violation().message())
        .containsExactly(
            "github provider profile 'github' is managed by source 'builtin' and cannot be"
                + " overwritten",
            "GitHub provider profile id must be lowercase kebab-case using only a-z, 0-9, and '-'");
  }

  @Test
  void updatePayloadIdIsComparedNormalised() {
    // provider.rs:2993-3005: the payload id is normalised before the comparison.
    assertThat(
            ProfileLint.lintForUpdate("my-api", valid("My-API").withResourceVersion(1), CTX)
                .stream()
                .map(Violation::message))
        .doesNotContain(
            "provider profile update target 'my-api' does not match payload id 'My-API'")
        .contains("custom provider profile 'my-api' does not exist");
  }

  @Test
  void updatePayloadNamingABuiltinCannotBeUpdated() {
    // provider.rs:3032-3048: after the target checks, each payload id that is static.
    assertThat(ProfileLint.lintForUpdate("alex-api", valid("github").withResourceVersion(1), CTX))
        .extracting(Violation::message)
        .containsExactly(
            "provider profile update target 'alex-api' does not match payload id 'github'",
            "provider profile 'github' is managed by source 'builtin' and cannot be updated");
  }

  @Test
  void updateResourceVersionIsCheckedAfterTheLint() {
    // provider.rs:2515-2532: validate_profile_set, then the resource_version diagnostic.
    ProviderProfile broken = profile("alex-api").endpoint(rest("").build()).build();
    assertThat(ProfileLint.lintForUpdate("alex-api", broken, CTX))
        .extracting(Violation::field)
        .containsExactly("endpoints[0]", "resource_version");
  }

  @Test
  void importRefusesWhatTheCrdRefuses() {
    // Deliberate deviation: OpenShell has no such limits; the ProviderProfile CRD does.
    var builder = profile("a".repeat(64));
    for (int i = 0; i < 129; i++) {
      builder.endpoint(rest("h" + i + ".example.com").build());
    }
    assertThat(ProfileLint.lintForImport(List.of(builder.build()), CTX))
        .extracting(d -> d.violation().field() + ": " + d.violation().message())
        .containsExactly(
            "id: provider profile id must be at most 63 characters, got 64 (the ProviderProfile"
                + " CRD's limit; the Kubernetes API server would refuse it)",
            "endpoints: a provider profile may declare at most 128 endpoints, got 129 (the"
                + " ProviderProfile CRD's limit; the Kubernetes API server would refuse it)");
  }

  @Test
  void updateTargetIsNormalised() {
    assertThat(
            ProfileLint.lintForUpdate(" Alex-API ", valid("alex-api").withResourceVersion(3), CTX))
        .isEmpty();
  }

  @Test
  void builtinProfilesCannotBeUpdated() {
    assertThat(ProfileLint.lintForUpdate("github", valid("github").withResourceVersion(1), CTX))
        .containsExactly(
            Violation.error(
                ViolationCode.BUILTIN_READ_ONLY,
                "id",
                "provider profile 'github' is managed by source 'builtin' and cannot be updated"));
  }

  @Test
  void updatingAMissingCustomProfileIsRefused() {
    assertThat(ProfileLint.lintForUpdate("ghost", valid("ghost").withResourceVersion(1), CTX))
        .extracting(Violation::message)
        .containsExactly("custom provider profile 'ghost' does not exist");
  }

  @Test
  void updateNeedsTheExportedResourceVersion() {
    assertThat(ProfileLint.lintForUpdate("alex-api", valid("alex-api"), CTX))
        .containsExactly(
            Violation.error(
                ViolationCode.STALE_RESOURCE_VERSION,
                "resource_version",
                "custom provider profile update requires a non-zero resource_version; export the"
                    + " current profile before editing it"));
  }

  @Test
  void updateRejectsAnInvalidTargetId() {
    assertThat(ProfileLint.lintForUpdate("alex_api", valid("alex-api").withResourceVersion(1), CTX))
        .extracting(Violation::message)
        .containsExactly("id must be lowercase kebab-case using only a-z, 0-9, and '-'");
  }

  @Test
  void updateAlsoRunsTheProfileLint() {
    ProviderProfile bad = profile("alex-api").binary(" ").build().withResourceVersion(2);
    assertThat(ProfileLint.lintForUpdate("alex-api", bad, CTX))
        .extracting(Violation::field)
        .containsExactly("binaries[0]");
  }

  @Test
  void anEmptyImportIsRefused() {
    assertThat(ProfileLint.lintForImport(List.of(), CTX))
        .containsExactly(
            new ProfileDiagnostic(
                -1,
                "",
                Violation.error(
                    ViolationCode.INVALID_PROFILE,
                    "profiles",
                    "at least one provider profile is required")));
  }
}
