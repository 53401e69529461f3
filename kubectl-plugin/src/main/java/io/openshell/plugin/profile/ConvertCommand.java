package io.openshell.plugin.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsSpec;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxSpec;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Convert;
import io.openshell.plugin.input.PolicyFiles;
import io.openshell.plugin.input.ProfileInput;
import io.openshell.plugin.kube.Kinds;
import io.openshell.plugin.output.OutputFormat;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.TextFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convert -f FILE}: OpenShell profile files become {@code ProviderProfile} manifests, a
 * policy file becomes a {@code Sandbox} manifest (or {@code OpenShellSettings} with {@code
 * --global}), for a GitOps repository. Needs no cluster.
 */
@Command(
    name = "convert",
    description = {
      "Print the custom resource YAML for OpenShell profile or policy files (no cluster needed).",
      "Example: kubectl openshell convert -f my-api.yaml > my-api.profile.yaml",
      "         kubectl openshell convert -f policy.yaml --name my-sandbox > sandbox.yaml"
    })
public final class ConvertCommand extends BaseCommand {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      required = true,
      description = "An OpenShell profile file or policy file; repeatable.")
  List<Path> files;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Sandbox name for a policy file (default: the file name without extension).")
  String name;

  @Option(
      names = "--global",
      description = "Convert a policy file to OpenShellSettings/cluster spec.globalPolicy.")
  boolean global;

  @Override
  protected void run() {
    List<HasMetadata> manifests = new ArrayList<>();
    for (Path f : files) {
      String what = "Failed to convert " + f + ".";
      if (isProfileFile(f, what)) {
        Diagnostics d = new Diagnostics();
        List<ProfileInput> inputs = ProfileInput.readFile(f);
        inputs.forEach(in -> d.addAll(in.source(), in.profileId(), in.parsed().diagnostics()));
        if (d.hasErrors()) {
          throw new Refused(what, d.render());
        }
        for (ProfileInput in : inputs) {
          var p = ((Parsed.Ok<io.openshell.policy.model.ProviderProfile>) in.parsed()).value();
          ProviderProfile r = Convert.profileResource(p.withResourceVersion(0));
          Map<String, String> labels = new HashMap<>();
          labels.put(Kinds.SOURCE_LABEL, "user");
          r.getMetadata().setLabels(labels);
          manifests.add(r);
        }
      } else {
        manifests.add(policyManifest(f, what));
      }
    }
    StringWriter buf = new StringWriter();
    PrintWriter w = new PrintWriter(buf);
    for (int i = 0; i < manifests.size(); i++) {
      if (i > 0) {
        w.println("---");
      }
      OutputFormat.print(w, OutputFormat.CR, manifests.get(i));
    }
    w.flush();
    out().print(buf);
  }

  private HasMetadata policyManifest(Path f, String what) {
    var policy = Convert.policySpec(PolicyFiles.read(f, what));
    if (global) {
      OpenShellSettings r = new OpenShellSettings();
      r.setMetadata(new ObjectMetaBuilder().withName(Kinds.SETTINGS_NAME).build());
      r.setSpec(new OpenShellSettingsSpec());
      r.getSpec().setGlobalPolicy(policy);
      return r;
    }
    String base = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String sandbox =
        name != null ? name : base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    Sandbox r = new Sandbox();
    r.setMetadata(new ObjectMetaBuilder().withName(sandbox).build());
    r.setSpec(new SandboxSpec());
    r.getSpec().setPolicy(policy);
    return r;
  }

  /** A profile file has {@code id} or {@code display_name} at the top; a policy file does not. */
  private static boolean isProfileFile(Path f, String what) {
    String content;
    try {
      content = TextFiles.read(f);
    } catch (IOException e) {
      throw new Refused(what, "failed to read " + f + ": " + e.getMessage());
    }
    if (ProfileInput.manifests(f.getFileName().toString(), content).isPresent()) {
      throw new Refused(what, f + " already holds Kubernetes manifests");
    }
    try {
      JsonNode n = YAML.readTree(content);
      JsonNode first = n != null && n.isArray() && n.size() > 0 ? n.get(0) : n;
      return first != null && (first.has("id") || first.has("display_name"));
    } catch (IOException e) {
      // unreadable as one document (e.g. several profile documents): the profile reader decides
      return true;
    }
  }
}
