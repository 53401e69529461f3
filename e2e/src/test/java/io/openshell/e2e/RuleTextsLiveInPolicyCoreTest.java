package io.openshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One answer everywhere: OpenShell's rule texts are written once, in policy-core; the operator, the
 * webhook, the plugin and the agent only pass policy-core's violations and messages on. The CRD's
 * CEL messages (crds {@code v1alpha1}) are the one exception: a schema carries its message as a
 * literal.
 */
class RuleTextsLiveInPolicyCoreTest {
  /** Distinctive fragments of OpenShell rule texts that policy-core owns. */
  private static final List<String> RULE_TEXTS =
      List.of(
          "is attached to sandbox",
          "is in use by sandboxes",
          "is managed by source",
          "exceeds maximum",
          "policy is managed globally",
          "cannot activate provider policy composition",
          "provider composition produced",
          "modified concurrently",
          "concurrent modification",
          "provider type cannot be changed",
          "conflicts with provider",
          "uses L4-only",
          "is provided by both provider",
          "has no provider profile");

  @Test
  void noMainSourceOutsidePolicyCoreSpellsAnOpenShellRuleText() throws IOException {
    Path root = Repo.root();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> root.relativize(p).toString().contains("/src/main/java/"))
          .filter(p -> !root.relativize(p).startsWith("policy-core"))
          .filter(p -> !root.relativize(p).toString().contains("/target/"))
          .filter(p -> !p.toString().contains("/crds/v1alpha1/"))
          .forEach(p -> RULE_TEXTS.forEach(text -> check(root, p, text, found)));
    }
    assertThat(found).as("rule texts written outside policy-core").isEmpty();
  }

  private static void check(Path root, Path file, String text, List<String> found) {
    try {
      if (Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
        found.add(root.relativize(file) + ": \"" + text + "\"");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
