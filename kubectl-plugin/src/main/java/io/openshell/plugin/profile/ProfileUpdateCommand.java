package io.openshell.plugin.profile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.resolve.Convert;
import io.openshell.plugin.resolve.Resolver;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.ProviderProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code profile update ID -f FILE}: replaces a custom profile with compare-and-set. The file's
 * {@code resource_version} is the expected {@code metadata.generation} (it changes only with the
 * spec, so status writes never make an exported file stale); the write itself carries the {@code
 * metadata.resourceVersion} just read, so a concurrent writer makes the API server answer 409.
 */
@Command(
    name = "update",
    description = {
      "Replace a custom provider profile from a file exported with 'profile export'.",
      "The file's resource_version must still be current (compare-and-set).",
      "Example: kubectl openshell profile update my-api -f my-api.yaml"
    })
public final class ProfileUpdateCommand extends BaseCommand {
  static final String FAILED = "provider profile update failed";

  /** Re-reads after a 409 that was only a status write; more would mean something is wrong. */
  static final int MAX_ATTEMPTS = 10;

  @Parameters(index = "0", paramLabel = "ID", description = "Profile id.")
  String id;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      required = true,
      description = "The edited profile (OpenShell YAML/JSON or a ProviderProfile manifest).")
  Path file;

  @Override
  protected void run() {
    String target = Profiles.requestId(id, FAILED);
    Cluster cluster = new Cluster(session().client());
    List<ProfileInput> inputs = ProfileInput.readFile(file);
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
    ProviderProfile profile = ((Parsed.Ok<ProviderProfile>) input.parsed()).value();
    Optional<String> apiVersion = input.apiResourceVersion();
    // a manifest's metadata.resourceVersion counts as the version given (the API-level one)
    ProviderProfile linted = apiVersion.isPresent() ? profile.withResourceVersion(1) : profile;
    diagnostics.addAll(
        input.source(),
        input.profileId(),
        ProfileLint.lintForUpdate(target, linted, Profiles.lintContext(cluster)));
    if (diagnostics.hasErrors()) {
      throw new Refused(FAILED, diagnostics.render());
    }

    GenericKubernetesResource current = read(cluster, target);
    long expected = profile.resourceVersion();
    refuseIfStale(current, expected, apiVersion);
    diagnostics.addAll(
        input.source(),
        input.profileId(),
        ProfileFanOut.check(
            profile,
            ProfileFanOut.Operation.UPDATE,
            new Resolver(cluster, session().clock()).allSandboxes()));
    if (diagnostics.hasErrors()) {
      throw new Refused(FAILED, diagnostics.render());
    }

    GenericKubernetesResource replacement = Convert.profileResource(profile.withResourceVersion(0));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      GenericKubernetesResource next = withSpec(current, replacement);
      try {
        GenericKubernetesResource written = cluster.update(Kinds.PROVIDER_PROFILE, null, next);
        out()
            .println(
                "Updated provider profile. resource_version: "
                    + written.getMetadata().getGeneration());
        return;
      } catch (KubernetesClientException e) {
        if (!Cluster.isConflict(e) || apiVersion.isPresent()) {
          if (Cluster.isConflict(e)) {
            throw stale(read(cluster, target));
          }
          throw e;
        }
        // retry only when a status write raced us; a spec change means the file is stale
        current = read(cluster, target);
        refuseIfStale(current, expected, apiVersion);
      }
    }
    throw new Refused(
        FAILED,
        "update provider profile failed due to concurrent modification (current resource_version: "
            + read(cluster, target).getMetadata().getGeneration()
            + ")");
  }

  private GenericKubernetesResource read(Cluster cluster, String target) {
    return cluster
        .profile(target)
        .orElseThrow(
            () -> new Refused(FAILED, "custom provider profile '" + target + "' does not exist"));
  }

  private void refuseIfStale(
      GenericKubernetesResource current, long expected, Optional<String> apiVersion) {
    boolean stale =
        apiVersion.isPresent()
            ? !apiVersion.get().equals(current.getMetadata().getResourceVersion())
            : current.getMetadata().getGeneration() == null
                || current.getMetadata().getGeneration() != expected;
    if (stale) {
      throw stale(current);
    }
  }

  private static Refused stale(GenericKubernetesResource current) {
    return new Refused(
        FAILED,
        "provider profile was modified concurrently (current resource_version: "
            + current.getMetadata().getGeneration()
            + ")");
  }

  /** The stored object with the new spec and annotations; labels and the read version kept. */
  private static GenericKubernetesResource withSpec(
      GenericKubernetesResource current, GenericKubernetesResource replacement) {
    GenericKubernetesResource next =
        io.fabric8.kubernetes.client.utils.Serialization.clone(current);
    next.setAdditionalProperty("spec", replacement.getAdditionalProperties().get("spec"));
    next.getMetadata()
        .setAnnotations(
            replacement.getMetadata().getAnnotations() == null
                ? null
                : new LinkedHashMap<>(replacement.getMetadata().getAnnotations()));
    return next;
  }
}
