package io.openshell.plugin.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.SandboxPolicySpec;
import io.openshell.plugin.Refused;
import io.openshell.policy.Violation;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.PolicyYaml;
import io.openshell.policy.format.TextFiles;
import io.openshell.policy.model.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a policy for {@code policy set} and {@code settings global-policy set}: OpenShell's {@code
 * policy.yaml} (snake_case), or a manifest whose policy is taken ({@code Sandbox} → {@code
 * spec.policy}, {@code OpenShellSettings} → {@code spec.globalPolicy}).
 */
public final class PolicyFiles {
  private PolicyFiles() {}

  /** The policy in {@code file}, or a refusal naming what could not be read. */
  public static SandboxPolicy read(Path file, String what) {
    String content;
    try {
      content = TextFiles.read(file);
    } catch (IOException e) {
      throw new Refused(what, ProfileInput.readFailure("policy file", file, e));
    }
    Optional<List<JsonNode>> manifests =
        ProfileInput.manifests(
            file.getFileName().toString().endsWith(".json") ? "f.json" : "f.yaml", content);
    if (manifests.isPresent()) {
      JsonNode doc = manifests.get().get(0);
      String kind = doc.path("kind").asText();
      JsonNode policy =
          switch (kind) {
            case "Sandbox" -> doc.path("spec").path("policy");
            case "OpenShellSettings" -> doc.path("spec").path("globalPolicy");
            default -> null;
          };
      if (policy == null || policy.isMissingNode() || policy.isNull()) {
        throw new Refused(what, "no policy in " + kind + " manifest " + file);
      }
      try {
        return Convert.policy(
            Serialization.jsonMapper().treeToValue(policy, SandboxPolicySpec.class), what);
      } catch (IOException | RuntimeException e) {
        throw new Refused(what, "failed to parse policy in " + file + ": " + e.getMessage());
      }
    }
    Parsed<SandboxPolicy> parsed = PolicyYaml.read(content);
    if (parsed.hasErrors()) {
      throw new Refused(
          what,
          parsed.diagnostics().stream()
              .filter(Violation::isError)
              .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
              .collect(Collectors.joining("\n")));
    }
    return parsed.orElseThrow();
  }
}
