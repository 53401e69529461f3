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
  private String binary = "/sandbox/.venv/bin/python";
  private String extraRules = "";
  private String podImage;
  private List<String> providers = List.of();

  SandboxManifest(String name) {
    this.name = name;
  }

  /** The binary the base rule {@code custom_pypi} allows (default {@code .venv/bin/python}). */
  public SandboxManifest binary(String path) {
    this.binary = path;
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
            networkPolicies:
              custom_pypi:
                name: custom_pypi
                endpoints:
                  - host: pypi.org
                    port: 443
                  - host: files.pythonhosted.org
                    port: 443
                binaries:
                  - path: %s
        %s
        %s  providers: [%s]
        """
        .formatted(name, binary, indent(extraRules, 6), pod, String.join(", ", providers));
  }

  private static String indent(String text, int spaces) {
    if (text.isBlank()) {
      return "";
    }
    String pad = " ".repeat(spaces);
    return text.lines().map(l -> pad + l).collect(Collectors.joining("\n"));
  }
}
