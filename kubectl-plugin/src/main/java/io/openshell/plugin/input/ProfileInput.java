package io.openshell.plugin.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.plugin.kube.Kinds;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.format.TextFiles;
import io.openshell.policy.format.YamlTrees;
import io.openshell.policy.model.ProviderProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One profile read from a file: OpenShell's import format ({@code .yaml}, {@code .yml}, {@code
 * .json}) or a {@code ProviderProfile} manifest.
 *
 * @param source the file it came from, as given on the command line
 * @param parsed the profile, or why it could not be read
 * @param apiResourceVersion a manifest's {@code metadata.resourceVersion}, when it carries one
 */
public record ProfileInput(
    String source, Parsed<ProviderProfile> parsed, Optional<String> apiResourceVersion) {

  /**
   * Reads {@code -f} files and the {@code *.yaml|*.yml|*.json} files of {@code --from} (sorted).
   */
  public static List<ProfileInput> read(List<Path> files, Path fromDir) throws IOException {
    List<Path> all = new ArrayList<>(files == null ? List.of() : files);
    if (fromDir != null) {
      if (!Files.isDirectory(fromDir)) {
        throw new IOException("not a directory: " + fromDir);
      }
      try (Stream<Path> s = Files.list(fromDir)) {
        s.filter(Files::isRegularFile)
            .filter(p -> ProfileFiles.Format.ofFileName(p.getFileName().toString()).isPresent())
            .sorted()
            .forEach(all::add);
      }
    }
    List<ProfileInput> out = new ArrayList<>();
    for (Path p : all) {
      out.addAll(readFile(p));
    }
    return out;
  }

  /** Every profile of one file. */
  public static List<ProfileInput> readFile(Path file) {
    String source = file.toString();
    String content;
    try {
      content = TextFiles.read(file);
    } catch (IOException e) {
      return List.of(failed(source, readFailure("provider profile file", file, e)));
    }
    Optional<List<JsonNode>> manifests = manifests(file.getFileName().toString(), content);
    if (manifests.isPresent()) {
      List<ProfileInput> out = new ArrayList<>();
      for (JsonNode doc : manifests.get()) {
        out.add(fromManifest(source, doc));
      }
      return out;
    }
    return ProfileFiles.read(file.getFileName().toString(), content).stream()
        .map(p -> new ProfileInput(source, p, Optional.<String>empty()))
        .toList();
  }

  /**
   * The documents of a file when it holds Kubernetes manifests ({@code apiVersion} + {@code kind}).
   */
  public static Optional<List<JsonNode>> manifests(String fileName, String content) {
    if (ProfileFiles.Format.ofFileName(fileName).isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> docs = new ArrayList<>();
    try {
      boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
      if (json) {
        try (MappingIterator<JsonNode> it =
            Serialization.jsonMapper().readerFor(JsonNode.class).readValues(content)) {
          while (it.hasNext()) {
            docs.add(it.next());
          }
        }
      } else {
        // aliases resolved, never read as the anchor's name
        docs.addAll(YamlTrees.readAll(content));
      }
      docs.removeIf(n -> n == null || n.isNull() || n.isMissingNode());
    } catch (IOException | RuntimeException e) {
      // not readable as manifests: the OpenShell reader reports the parse error in its words
      return Optional.empty();
    }
    boolean all =
        !docs.isEmpty() && docs.stream().allMatch(d -> d.has("apiVersion") && d.has("kind"));
    return all ? Optional.of(docs) : Optional.empty();
  }

  private static ProfileInput fromManifest(String source, JsonNode doc) {
    String kind = doc.path("kind").asText();
    String apiVersion = doc.path("apiVersion").asText();
    if (!"ProviderProfile".equals(kind) || !apiVersion.startsWith(Kinds.GROUP + "/")) {
      return failed(source, "expected a ProviderProfile manifest, got " + apiVersion + " " + kind);
    }
    try {
      io.openshell.crds.v1alpha1.ProviderProfile r =
          Serialization.jsonMapper()
              .treeToValue(doc, io.openshell.crds.v1alpha1.ProviderProfile.class);
      Optional<String> rv = Optional.ofNullable(r.getMetadata()).map(m -> m.getResourceVersion());
      // a manifest's own generation is not what a user edits; compare-and-set uses resourceVersion
      r.getMetadata().setGeneration(null);
      var c = ProfileConverter.toModel(r);
      Parsed<ProviderProfile> parsed =
          c.hasErrors()
              ? new Parsed.Failed<>(c.violations().stream().filter(Violation::isError).toList())
              : new Parsed.Ok<>(c.value(), c.violations());
      return new ProfileInput(source, parsed, rv.filter(s -> !s.isBlank()));
    } catch (IOException | RuntimeException e) {
      return failed(source, "failed to parse ProviderProfile manifest: " + e.getMessage());
    }
  }

  /** The message for a {@code what} file that could not be read (TextFiles names the file). */
  public static String readFailure(String what, Path file, IOException e) {
    String reason = e instanceof NoSuchFileException ? file + ": no such file" : e.getMessage();
    return "failed to read " + what + ": " + reason;
  }

  private static ProfileInput failed(String source, String message) {
    return new ProfileInput(
        source,
        new Parsed.Failed<>(List.of(Violation.error(ViolationCode.PARSE_ERROR, "file", message))),
        Optional.empty());
  }

  /** The profile's id for diagnostics ({@code -} when unknown). */
  public String profileId() {
    return parsed instanceof Parsed.Ok<ProviderProfile> ok && !ok.value().id().isBlank()
        ? ok.value().id()
        : "-";
  }
}
