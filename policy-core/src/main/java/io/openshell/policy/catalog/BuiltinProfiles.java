package io.openshell.policy.catalog;

import io.openshell.policy.format.Parsed;
import io.openshell.policy.format.ProfileFiles;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OpenShell's 13 built-in provider profiles (§3). Their source is the bundled resource {@code
 * builtin-profiles.yaml} (OpenShell's {@code providers/*.yaml}, verbatim data); they are read once
 * from {@code builtin-profiles.json}, the same documents as one JSON array, because a JSON parse
 * costs a command-line JVM a fraction of the YAML one (docs/benchmarks.md, "kubectl openshell
 * start-up"). {@code BuiltinProfilesJsonTest} keeps the two equal: the JSON is the YAML's trees
 * written as JSON, and both read to the same profiles. As in OpenShell's {@code
 * builtin_profiles()}, they are sorted by id, have source {@code builtin}, resource version 0
 * (here: generation 0) and are read-only. Loading fails fast with {@link IllegalStateException} if
 * the resource does not parse, fails a pre-lowering check or fails the profile lint ({@link
 * ProfileLint#validateProfileSet}, which also catches repeated and non-canonical ids) — a broken
 * build, never a runtime condition.
 */
public final class BuiltinProfiles {
  /** Classpath location of the bundled profiles, as copied from OpenShell. */
  public static final String RESOURCE = "builtin-profiles.yaml";

  /** Classpath location of the same profiles as a JSON array: what is read. */
  public static final String COMPILED = "builtin-profiles.json";

  private BuiltinProfiles() {}

  /** All built-ins as catalog entries (source BUILTIN, generation 0), sorted by id. */
  public static List<CatalogEntry> all() {
    return Holder.ENTRIES;
  }

  /** The built-in ids, sorted. */
  public static List<String> ids() {
    return Holder.IDS;
  }

  /** The built-in profile with this exact id. */
  public static Optional<ProviderProfile> get(String id) {
    return Optional.ofNullable(Holder.BY_ID.get(id)).map(CatalogEntry::profile);
  }

  /** True when {@code id} is a built-in id (reserved: cannot be imported over, §2.2). */
  public static boolean isBuiltin(String id) {
    return Holder.BY_ID.containsKey(id);
  }

  /** Lazy holder: the resource is read on first use, once. */
  private static final class Holder {
    static final List<CatalogEntry> ENTRIES;
    static final List<String> IDS;
    static final Map<String, CatalogEntry> BY_ID;

    static {
      TreeMap<String, CatalogEntry> byId = new TreeMap<>();
      for (ProviderProfile p : load()) {
        if (byId.put(p.id(), new CatalogEntry(p, ProfileSource.BUILTIN, 0)) != null) {
          throw new IllegalStateException("duplicate provider profile id: " + p.id());
        }
        if (!ProviderTypes.isValidProfileId(p.id())) {
          throw new IllegalStateException("invalid built-in provider profile id: " + p.id());
        }
      }
      BY_ID = Collections.unmodifiableMap(byId);
      ENTRIES = List.copyOf(byId.values());
      IDS = List.copyOf(byId.keySet());
    }

    private static List<ProviderProfile> load() {
      return check(read(COMPILED, ProfileFiles::readJson));
    }

    private Holder() {}
  }

  /** The profiles of a bundled resource, read with {@code reader}; a broken build throws. */
  static List<Parsed<ProviderProfile>> read(
      String resource, Function<String, List<Parsed<ProviderProfile>>> reader) {
    String text;
    try (InputStream in = BuiltinProfiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reader.apply(text);
  }

  /** The parsed profiles, or an exception when one does not parse or fails the lint. */
  static List<ProviderProfile> check(List<Parsed<ProviderProfile>> parsedProfiles) {
    List<ProviderProfile> out = new ArrayList<>();
    for (Parsed<ProviderProfile> parsed : parsedProfiles) {
      if (parsed.hasErrors()) {
        throw new IllegalStateException(
            "invalid built-in provider profiles: "
                + parsed.diagnostics().stream()
                    .map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; ")));
      }
      out.add(parsed.orElseThrow());
    }
    // As OpenShell's builtin_profiles(): the built-ins must pass the full profile lint.
    List<String> errors =
        ProfileLint.validateProfileSet(out).stream()
            .filter(d -> d.violation().isError())
            .map(d -> d.profileId() + " " + d.violation().field() + ": " + d.violation().message())
            .toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "invalid built-in provider profiles: " + String.join("; ", errors));
    }
    return out;
  }
}
