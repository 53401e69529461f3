package io.openshell.plugin.profile;

import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.input.FileOption;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.input.ProfileInput;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.output.OutputOption;
import io.openshell.plugin.preview.ProfilePreview;
import io.openshell.plugin.resolve.ClusterLookups;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.lint.ProfileConcurrency;
import io.openshell.policy.lint.ProfileLint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code profile update ID -f FILE}: replaces a custom profile with compare-and-set. The file's
 * {@code resource_version} is the expected {@code metadata.generation} (it changes only with the
 * spec, so status writes never make an exported file stale); the write itself carries the {@code
 * metadata.resourceVersion} just read, so a concurrent writer makes the API server answer 409.
 * {@code --dry-run} runs every check and previews instead of writing.
 */
@Command(
    name = "update",
    description = {
      "Replace a custom provider profile from a file exported with 'profile export'",
      "(OpenShell YAML/JSON or a ProviderProfile manifest).",
      "The file's resource_version must still be current (compare-and-set).",
      "Example: kubectl openshell profile update my-api -f my-api.yaml --dry-run"
    })
public final class ProfileUpdateCommand extends BaseCommand {
  static final String FAILED = "provider profile update failed";

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Names.ProfileId.class,
      description = "Profile id.")
  String id;

  @Mixin FileOption file;
  @Mixin DryRunOption dryRun;
  @Mixin OutputOption output;

  @Override
  protected void run() {
    dryRun.requireWith(output, spec);
    String target = id;
    Cluster cluster = new Cluster(session().client());
    List<ProfileInput> inputs = ProfileInput.readFile(file.file());
    Diagnostics diagnostics = new Diagnostics();
    inputs.forEach(
        in -> diagnostics.addAll(in.source(), in.profileId(), in.parsed().diagnostics()));
    if (diagnostics.hasErrors()) {
      throw new Refused(FAILED, diagnostics.render());
    }
    if (inputs.size() != 1) {
      throw new Refused(
          FAILED, "provider profile update requires exactly one profile, got " + inputs.size());
    }
    ProfileInput input = inputs.get(0);
    var profile = ((Parsed.Ok<io.openshell.policy.model.ProviderProfile>) input.parsed()).value();
    Optional<String> apiVersion = input.apiResourceVersion();
    // a manifest's metadata.resourceVersion counts as the version given (the API-level one)
    var linted = apiVersion.isPresent() ? profile.withResourceVersion(1) : profile;
    diagnostics.addAll(
        input.source(),
        input.profileId(),
        ProfileLint.lintForUpdate(target, linted, Profiles.lintContext(cluster)));
    if (diagnostics.hasErrors()) {
      throw new Refused(FAILED, diagnostics.render());
    }

    long expected = profile.resourceVersion();
    ProviderProfile stored = read(cluster.profile(target), target);
    List<SandboxInputs> sandboxes = new ClusterLookups(cluster, session().clock()).allSandboxes();
    diagnostics.addAll(
        input.source(),
        input.profileId(),
        ProfileFanOut.check(profile, ProfileFanOut.Operation.UPDATE, sandboxes));
    // OpenShell returns the fan-out diagnostics in band before it checks the resource version
    // (grpc/provider.rs:2534-2570), so a stale file that would also break sandboxes says how.
    if (diagnostics.hasErrors()) {
      if (dryRun.enabled()) {
        DryRunOption.print(
            ProfilePreview.of(ProfileFanOut.Operation.UPDATE, List.of(profile), sandboxes),
            output,
            out());
        throw new Refused(FAILED + " (dry run: nothing was written)", diagnostics.render());
      }
      throw new Refused(FAILED, diagnostics.render());
    }
    refuseIfStale(stored, expected, apiVersion);
    if (dryRun.enabled()) {
      DryRunOption.print(
          ProfilePreview.of(ProfileFanOut.Operation.UPDATE, List.of(profile), sandboxes),
          output,
          out());
      return;
    }

    ProviderProfile replacement = Convert.profileResource(profile.withResourceVersion(0));
    Cluster.Written<ProviderProfile> written =
        cluster.compareAndSet(
            ProviderProfile.class,
            null,
            target,
            current -> {
              // a 409 that was only a status write is retried; a spec change makes the file stale
              ProviderProfile next = read(Optional.ofNullable(current), target);
              refuseIfStale(next, expected, apiVersion);
              next.setSpec(replacement.getSpec());
              next.getMetadata()
                  .setAnnotations(
                      replacement.getMetadata().getAnnotations() == null
                          ? null
                          : new LinkedHashMap<>(replacement.getMetadata().getAnnotations()));
              return next;
            },
            () ->
                new Refused(
                    FAILED,
                    ProfileConcurrency.retriesExhausted(
                        read(cluster.profile(target), target).getMetadata().getGeneration())));
    out()
        .println(
            "Updated provider profile. resource_version: "
                + written.object().getMetadata().getGeneration());
  }

  private static ProviderProfile read(Optional<ProviderProfile> current, String target) {
    return current.orElseThrow(
        () -> new Refused(FAILED, "custom provider profile '" + target + "' does not exist"));
  }

  private static void refuseIfStale(
      ProviderProfile current, long expected, Optional<String> apiVersion) {
    boolean stale =
        apiVersion.isPresent()
            ? !apiVersion.get().equals(current.getMetadata().getResourceVersion())
            : current.getMetadata().getGeneration() == null
                || current.getMetadata().getGeneration() != expected;
    if (stale) {
      throw new Refused(FAILED, ProfileConcurrency.stale(current.getMetadata().getGeneration()));
    }
  }
}
