package io.openshell.testsupport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Sandbox manifest with OpenShell's GitHub example base rule {@code custom_pypi}: pypi.org and
 * files.pythonhosted.org on 443 for one binary. Extra rules, a pod template and the providers are
 * optional.
 */
public final class SandboxManifest {
  private final String name;
  private List<String> binaries = List.of("/sandbox/.venv/bin/python");
  private String policySections = "";
  private String extraRules = "";
  private String podImage;
  private List<String> providers = List.of();

  SandboxManifest(String name) {
    this.name = name;
  }

  /** The binaries the base rule {@code custom_pypi} allows (default {@code .venv/bin/python}). */
  public SandboxManifest binaries(String... paths) {
    this.binaries = List.of(paths);
    return this;
  }

  /**
   * Policy sections before {@code networkPolicies} (filesystem, landlock, process), at column 0.
   */
  public SandboxManifest policySections(String yaml) {
    this.policySections = yaml;
    return this;
  }

  /** Further entries of {@code networkPolicies}, as YAML at column 0. */
  public SandboxManifest extraRules(String yaml) {
    this.extraRules = yaml;
    return this;
  }

  /** Adds a pod template with one container {@code agent} running {@code image}. */
  public SandboxManifest podTemplate(String image) {
    this.podImage = image;
    return this;
  }

  public SandboxManifest providers(String... names) {
    this.providers = List.of(names);
    return this;
  }

  public String yaml() {
    String pod =
        podImage == null
            ? ""
            : """
                podTemplate:
                  spec:
                    containers:
                      - name: agent
                        image: %s
              """
                .formatted(podImage);
    return """
        apiVersion: openshell.io/v1alpha1
        kind: Sandbox
        metadata:
          name: %s
        spec:
          policy:
            version: 1
        %s
            networkPolicies:
              custom_pypi:
                name: custom_pypi
                endpoints:
                  - host: pypi.org
                    port: 443
                  - host: files.pythonhosted.org
                    port: 443
                binaries:
        %s
        %s
        %s  providers: [%s]
        """
        .formatted(
            name,
            indent(policySections, 4),
            indent(
                binaries.stream().map(b -> "- path: " + b).collect(Collectors.joining("\n")), 10),
            indent(extraRules, 6),
            pod,
            String.join(", ", providers));
  }

  private static String indent(String text, int spaces) {
    if (text.isBlank()) {
      return "";
    }
    String pad = " ".repeat(spaces);
    return text.lines().map(l -> pad + l).collect(Collectors.joining("\n"));
  }
}
