package io.openshell.policy.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.format.EndpointCodec.Dialect;
import io.openshell.policy.format.EndpointCodec.EmptyLists;
import io.openshell.policy.lint.ProfileLint;
import io.openshell.policy.model.AdditionalOutput;
import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.CredentialRefresh;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.RefreshMaterial;
import io.openshell.policy.model.RefreshStrategy;
import io.openshell.policy.model.TokenGrant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenShell's provider profile files (§2.1): the format of {@code openshell provider profile
 * import}/{@code export} and of the built-in {@code providers/*.yaml}.
 *
 * <p><b>Reading</b> follows OpenShell's serde DTOs: unknown fields are ignored (also {@code
 * source}/{@code scope}, which the server sets), {@code id} and {@code display_name} are required,
 * a credential needs {@code name}, a token grant needs {@code token_endpoint}, an endpoint needs
 * {@code host}. {@code category} and {@code refresh.strategy} are parsed case-insensitively with
 * {@code -} read as {@code _}; unknown values fail with "unsupported provider profile category:
 * {raw}" / "unsupported provider refresh strategy: {raw}". {@code binaries} items are a path string
 * or {@code {path, harness}}. Endpoint ports are kept as authored; the JSON-RPC body limit is the
 * flat {@code json_rpc_max_body_bytes}; {@code mcp} holds only {@code strict_tool_names} and {@code
 * allow_all_known_mcp_methods}.
 *
 * <p>A file is YAML ({@code .yaml}/{@code .yml}) or JSON ({@code .json}), chosen by file name as
 * the CLI does (§2.7 step 1); any other name fails with "unsupported provider profile file format".
 * OpenShell reads one profile per file; a {@code ---} stream or a JSON array is read here too, with
 * a warning on the file (docs/operator-decisions.md 19). An empty file fails as serde does ("EOF
 * while parsing a value"). YAML anchors and aliases are resolved ({@link YamlTrees}); a plain
 * scalar in a string field is read as written ({@code 0x10}, {@code ~}). A document that cannot be
 * read gives a {@link Parsed.Failed} with one {@code PARSE_ERROR} on field {@code file} ("failed to
 * parse provider profile YAML: {reason}"). {@code credential_binding} on an endpoint is dropped
 * silently (OpenShell's DTO has no such field). A document that can be read gives a {@link
 * Parsed.Ok} carrying the first §2.7 {@code validate_before_lowering} error, if any (the CLI keeps
 * only the first), and the profile lowered as {@code to_proto} does ({@code tool} folded into
 * {@code params.name}, {@link ProfileLint#lowered}). The pre-lowering checks:
 *
 * <ul>
 *   <li>{@code endpoints[i]}: "rules list cannot be empty (would deny all traffic). Use `access:
 *       full` or remove rules."
 *   <li>{@code endpoints[i]}: "deny_rules list cannot be empty (would have no effect). Remove it if
 *       no denials are needed."
 *   <li>for {@code protocol: mcp} only, {@code endpoints[i].rules[j].allow} / {@code
 *       endpoints[i].deny_rules[j]}: "MCP rules must use either tool or params.name, not both"
 * </ul>
 *
 * <p>The full profile lint (§2.2–2.6) is not done here.
 *
 * <p><b>Writing</b> produces the export format with the field order and omissions of OpenShell's
 * serialiser ({@code ProviderTypeProfile} and its nested DTOs): {@code resource_version} only when
 * greater than 0, {@code annotations}/{@code discovery} only when non-empty, {@code description},
 * {@code category}, the credential/endpoint/binary lists and {@code inference_capable} always;
 * binaries as plain strings unless {@code harness} is set; query/tool/params matchers as {@code
 * {glob, any}} objects; ports as authored. One deviation: an unspecified refresh strategy is left
 * out rather than written as {@code unspecified}, which OpenShell's own reader would reject.
 * Reading what was written gives an equal profile.
 */
public final class ProfileFiles {
  /** Message for a file name that is neither YAML nor JSON. */
  public static final String UNSUPPORTED_FORMAT = "unsupported provider profile file format";

  static final String EMPTY_RULES =
      "rules list cannot be empty (would deny all traffic). Use `access: full` or remove rules.";
  static final String EMPTY_DENY_RULES =
      "deny_rules list cannot be empty (would have no effect). Remove it if no denials are needed.";
  static final String TOOL_AND_PARAMS_NAME =
      "MCP rules must use either tool or params.name, not both";

  private ProfileFiles() {}

  /** The format a file name selects. */
  public enum Format {
    YAML,
    JSON;

    /** By extension, case-insensitively: {@code .yaml}/{@code .yml} or {@code .json}. */
    public static Optional<Format> ofFileName(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".yaml") || n.endsWith(".yml")) {
        return Optional.of(YAML);
      }
      if (n.endsWith(".json")) {
        return Optional.of(JSON);
      }
      return Optional.empty();
    }
  }

  /**
   * Reads a file from disk ({@link TextFiles}: size limit, UTF-8); a read failure is a {@code file}
   * parse error.
   */
  public static List<Parsed<ProviderProfile>> read(Path file) {
    Optional<Format> format = Format.ofFileName(file.getFileName().toString());
    if (format.isEmpty()) {
      return List.of(failed(UNSUPPORTED_FORMAT));
    }
    try {
      return read(format.get(), TextFiles.read(file));
    } catch (IOException e) {
      return List.of(failed("failed to read provider profile file: " + e.getMessage()));
    }
  }

  /** Reads file content, choosing the format by {@code fileName}. */
  public static List<Parsed<ProviderProfile>> read(String fileName, String content) {
    return Format.ofFileName(fileName)
        .map(f -> read(f, content))
        .orElse(List.of(failed(UNSUPPORTED_FORMAT)));
  }

  /** Reads content in the given format. */
  public static List<Parsed<ProviderProfile>> read(Format format, String content) {
    return format == Format.YAML ? readYaml(content) : readJson(content);
  }

  /**
   * Reads YAML. OpenShell reads exactly one document per file ({@code serde_yml::from_str},
   * profiles.rs:1384); this reader also takes a {@code ---} stream, every non-empty document being
   * one profile, and puts a warning on the first profile that OpenShell would refuse the file (see
   * docs/operator-decisions.md). A file without any document fails as serde does ("EOF while
   * parsing a value").
   */
  public static List<Parsed<ProviderProfile>> readYaml(String content) {
    List<JsonNode> docs;
    try {
      docs = YamlTrees.readAll(content);
    } catch (JsonProcessingException e) {
      return List.of(
          failed("failed to parse provider profile YAML: " + PolicyYaml.syntaxMessage(e)));
    } catch (IOException e) {
      return List.of(failed("failed to parse provider profile YAML: " + e.getMessage()));
    }
    List<Parsed<ProviderProfile>> out = new ArrayList<>();
    for (JsonNode doc : docs) {
      if (!doc.isNull() && !doc.isMissingNode()) {
        out.add(readDocument(doc, "", "YAML"));
      }
    }
    if (out.isEmpty()) {
      return List.of(failed("failed to parse provider profile YAML: " + EOF));
    }
    if (docs.size() > 1) {
      out.set(0, withWarning(out.get(0), streamWarning(docs.size())));
    }
    return out;
  }

  /**
   * Reads JSON: an object is one profile. An array holds several, which OpenShell refuses ({@code
   * serde_json::from_str} into one profile): the first profile carries a warning saying so.
   */
  public static List<Parsed<ProviderProfile>> readJson(String content) {
    JsonNode root;
    try {
      root = TreeWriter.JSON_READER.readTree(content);
    } catch (JsonProcessingException e) {
      return List.of(
          failed("failed to parse provider profile JSON: " + PolicyYaml.syntaxMessage(e)));
    }
    if (root == null || root.isMissingNode()) {
      return List.of(failed("failed to parse provider profile JSON: " + EOF));
    }
    if (root.isArray()) {
      List<Parsed<ProviderProfile>> out = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        out.add(readDocument(root.get(i), "[" + i + "]", "JSON"));
      }
      if (out.isEmpty()) {
        return List.of(failed(ARRAY_WARNING));
      }
      out.set(0, withWarning(out.get(0), ARRAY_WARNING));
      return out;
    }
    return List.of(readDocument(root, "", "JSON"));
  }

  /** serde's text for input that holds no value. */
  static final String EOF = "EOF while parsing a value";

  static final String ARRAY_WARNING =
      "this file is a JSON array of profiles; OpenShell reads exactly one provider profile per"
          + " file and would refuse it (invalid type: sequence, expected struct"
          + " ProviderTypeProfile)";

  static String streamWarning(int documents) {
    return "this file holds "
        + documents
        + " YAML documents; OpenShell reads exactly one provider profile per file and would refuse"
        + " it (deserializing from YAML containing more than one document is not supported)";
  }

  private static Parsed<ProviderProfile> withWarning(Parsed<ProviderProfile> p, String message) {
    Violation warning = Violation.warning(ViolationCode.PARSE_ERROR, "file", message);
    if (p instanceof Parsed.Ok<ProviderProfile> ok) {
      List<Violation> diagnostics = new ArrayList<>();
      diagnostics.add(warning);
      diagnostics.addAll(ok.diagnostics());
      return new Parsed.Ok<>(ok.value(), diagnostics);
    }
    List<Violation> errors = new ArrayList<>(p.diagnostics());
    errors.add(warning);
    return new Parsed.Failed<>(errors);
  }

  /** One profile as export YAML. */
  public static String writeYaml(ProviderProfile profile) {
    return YamlWriter.of(tree(profile));
  }

  /**
   * {@code profile export}: the profile as {@code GetProviderProfile} returns it, lowered ({@code
   * tool} folded into {@code params.name}) and with the {@code source} and {@code scope} the
   * gateway stamps on the response (provider_profile_sources.rs:609-610), which {@code
   * ProviderTypeProfile} serialises last (profiles.rs:396-400). Profiles here are cluster-scoped:
   * the scope is always {@code platform}.
   */
  public static String writeExportYaml(ProviderProfile profile, ProfileSource source) {
    return YamlWriter.of(exportTree(profile, source));
  }

  /** {@link #writeExportYaml} as JSON. */
  public static String writeExportJson(ProviderProfile profile, ProfileSource source) {
    return TreeWriter.json(exportTree(profile, source));
  }

  private static ObjectNode exportTree(ProviderProfile profile, ProfileSource source) {
    ObjectNode o = tree(ProfileLint.lowered(profile));
    o.put("source", source.label());
    o.put("scope", "platform");
    return o;
  }

  /** Several profiles as one YAML stream, documents separated by {@code ---}. */
  public static String writeYaml(List<ProviderProfile> profiles) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < profiles.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      sb.append(writeYaml(profiles.get(i)));
    }
    return sb.toString();
  }

  /** One profile as export JSON (an object). */
  public static String writeJson(ProviderProfile profile) {
    return TreeWriter.json(tree(profile));
  }

  /** Several profiles as a JSON array. */
  public static String writeJson(List<ProviderProfile> profiles) {
    ArrayNode a = TreeWriter.array();
    profiles.forEach(p -> a.add(tree(p)));
    return TreeWriter.json(a);
  }

  // ---------------------------------------------------------------- reading

  private static Parsed<ProviderProfile> failed(String message) {
    return new Parsed.Failed<>(
        List.of(Violation.error(ViolationCode.PARSE_ERROR, "file", message)));
  }

  /**
   * One profile: read, checked by {@code validate_before_lowering} on the authored form (only its
   * first error is kept, as the CLI does, run.rs:4431-4439), then lowered ({@link
   * ProfileLint#lowered}: {@code tool} folded into {@code params.name}) as OpenShell's {@code
   * to_proto} does before anything else sees it.
   */
  private static Parsed<ProviderProfile> readDocument(JsonNode doc, String path, String kind) {
    try {
      List<EmptyLists> emptyLists = new ArrayList<>();
      ProviderProfile profile = readProfile(doc, path, emptyLists);
      List<Violation> before = beforeLowering(profile, emptyLists);
      return new Parsed.Ok<>(
          ProfileLint.lowered(profile), before.isEmpty() ? List.of() : List.of(before.get(0)));
    } catch (ParseException e) {
      return failed("failed to parse provider profile " + kind + ": " + e.getMessage());
    }
  }

  /** §2.7 {@code validate_before_lowering} (profiles.rs:606-668), every error in order. */
  private static List<Violation> beforeLowering(ProviderProfile p, List<EmptyLists> emptyLists) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < p.endpoints().size(); i++) {
      NetworkEndpoint e = p.endpoints().get(i);
      String at = "endpoints[" + i + "]";
      if (emptyLists.get(i).rules()) {
        out.add(Violation.error(ViolationCode.INVALID_PROFILE, at, EMPTY_RULES));
      }
      if (emptyLists.get(i).denyRules()) {
        out.add(Violation.error(ViolationCode.INVALID_PROFILE, at, EMPTY_DENY_RULES));
      }
      // Only the exact spelling "mcp" (profiles.rs:628).
      if (!e.protocol().equals("mcp")) {
        continue;
      }
      for (int j = 0; j < e.rules().size(); j++) {
        if (usesToolAndParamsName(e.rules().get(j).allow())) {
          out.add(
              Violation.error(
                  ViolationCode.INVALID_PROFILE,
                  at + ".rules[" + j + "].allow",
                  TOOL_AND_PARAMS_NAME));
        }
      }
      for (int j = 0; j < e.denyRules().size(); j++) {
        if (usesToolAndParamsName(e.denyRules().get(j))) {
          out.add(
              Violation.error(
                  ViolationCode.INVALID_PROFILE,
                  at + ".deny_rules[" + j + "]",
                  TOOL_AND_PARAMS_NAME));
        }
      }
    }
    return out;
  }

  private static boolean usesToolAndParamsName(L7Match m) {
    return m.tool().isPresent() && m.params().containsKey("name");
  }

  private static ProviderProfile readProfile(
      JsonNode doc, String path, List<EmptyLists> emptyLists) {
    TreeReader r = TreeReader.of(doc, path, false);
    String id = r.requiredStr("id");
    long resourceVersion = r.integer("resource_version", 0, Long.MAX_VALUE, "u64");
    var annotations = r.mapOf("annotations", TreeReader::scalarText);
    String displayName = r.requiredStr("display_name");
    String description = r.str("description");
    String rawCategory = r.str("category");
    ProfileCategory category =
        ProfileCategory.parse(rawCategory)
            .orElseThrow(
                () -> new ParseException("unsupported provider profile category: " + rawCategory));
    boolean inferenceCapable = r.bool("inference_capable", false);
    List<CredentialProfile> credentials = r.listOf("credentials", ProfileFiles::readCredential);
    List<String> discovery =
        r.obj("discovery").map(d -> d.strings("credentials")).orElse(List.of());
    List<NetworkEndpoint> endpoints =
        r.listOf(
            "endpoints", (n, p) -> EndpointCodec.readEndpoint(n, p, Dialect.PROFILE, emptyLists));
    var binaries = r.listOf("binaries", (n, p) -> EndpointCodec.readBinary(n, p, Dialect.PROFILE));
    return new ProviderProfile(
        id,
        resourceVersion,
        annotations,
        displayName,
        description,
        category,
        inferenceCapable,
        credentials,
        discovery,
        endpoints,
        binaries);
  }

  private static CredentialProfile readCredential(JsonNode n, String path) {
    TreeReader r = TreeReader.of(n, path, false);
    return new CredentialProfile(
        r.requiredStr("name"),
        r.str("description"),
        r.strings("env_vars"),
        r.bool("required", false),
        r.str("auth_style"),
        r.str("header_name"),
        r.str("query_param"),
        r.str("path_template"),
        r.obj("refresh").map(ProfileFiles::readRefresh),
        r.obj("token_grant").map(ProfileFiles::readTokenGrant));
  }

  private static CredentialRefresh readRefresh(TreeReader r) {
    String raw = r.str("strategy");
    RefreshStrategy strategy =
        RefreshStrategy.parse(raw)
            .orElseThrow(() -> new ParseException("unsupported provider refresh strategy: " + raw));
    return new CredentialRefresh(
        strategy,
        r.str("token_url"),
        r.strings("scopes"),
        r.integer("refresh_before_seconds", Long.MIN_VALUE, Long.MAX_VALUE, "i64"),
        r.integer("max_lifetime_seconds", Long.MIN_VALUE, Long.MAX_VALUE, "i64"),
        r.listOf(
            "material",
            (n, p) -> {
              TreeReader m = TreeReader.of(n, p, false);
              return new RefreshMaterial(
                  m.str("name"),
                  m.str("description"),
                  m.bool("required", false),
                  m.bool("secret", false));
            }),
        r.listOf(
            "additional_outputs",
            (n, p) -> {
              TreeReader o = TreeReader.of(n, p, false);
              return new AdditionalOutput(o.str("output"), o.str("credential"));
            }));
  }

  private static TokenGrant readTokenGrant(TreeReader r) {
    return new TokenGrant(
        r.requiredStr("token_endpoint"),
        r.str("audience"),
        r.str("jwt_svid_audience"),
        // As authored: OpenShell applies the jwt-bearer default when it uses the grant.
        r.str("client_assertion_type"),
        r.strings("scopes"),
        r.integer("cache_ttl_seconds", Long.MIN_VALUE, Long.MAX_VALUE, "i64"),
        r.listOf(
            "audience_overrides",
            (n, p) -> {
              TreeReader o = TreeReader.of(n, p, false);
              // OpenShell's DTO uses "" for an absent host/path selector.
              return new AudienceOverride(
                  o.optStr("host").filter(h -> !h.isEmpty()),
                  (int) o.integer("port", 0, Integer.MAX_VALUE, "u32"),
                  o.optStr("path").filter(x -> !x.isEmpty()),
                  o.requiredStr("audience"),
                  o.strings("scopes"));
            }));
  }

  // ---------------------------------------------------------------- writing

  /**
   * The field order and omissions of OpenShell's {@code ProviderTypeProfile} serialiser:
   * description, category, credentials, endpoints, binaries and inference_capable are always
   * written; resource_version, annotations and discovery only when set.
   */
  private static ObjectNode tree(ProviderProfile p) {
    ObjectNode o = TreeWriter.object();
    o.put("id", p.id());
    TreeWriter.num(o, "resource_version", p.resourceVersion());
    if (!p.annotations().isEmpty()) {
      ObjectNode a = o.putObject("annotations");
      p.annotations().forEach(a::put);
    }
    o.put("display_name", p.displayName());
    o.put("description", p.description());
    o.put("category", p.category().yamlName());
    ArrayNode credentials = o.putArray("credentials");
    p.credentials().forEach(c -> credentials.add(writeCredential(c)));
    ArrayNode endpoints = o.putArray("endpoints");
    p.endpoints().forEach(e -> endpoints.add(EndpointCodec.writeEndpoint(e, Dialect.PROFILE)));
    ArrayNode binaries = o.putArray("binaries");
    EndpointCodec.writeBinaries(p.binaries(), Dialect.PROFILE).forEach(binaries::add);
    o.put("inference_capable", p.inferenceCapable());
    if (!p.discoveryCredentials().isEmpty()) {
      TreeWriter.strings(o.putObject("discovery"), "credentials", p.discoveryCredentials());
    }
    return o;
  }

  private static ObjectNode writeCredential(CredentialProfile c) {
    ObjectNode o = TreeWriter.object();
    o.put("name", c.name());
    o.put("description", c.description());
    ArrayNode envVars = o.putArray("env_vars");
    c.envVars().forEach(envVars::add);
    o.put("required", c.required());
    o.put("auth_style", c.authStyle());
    o.put("header_name", c.headerName());
    o.put("query_param", c.queryParam());
    c.refresh().ifPresent(r -> o.set("refresh", writeRefresh(r)));
    TreeWriter.str(o, "path_template", c.pathTemplate());
    c.tokenGrant().ifPresent(t -> o.set("token_grant", writeTokenGrant(t)));
    return o;
  }

  private static ObjectNode writeRefresh(CredentialRefresh r) {
    ObjectNode o = TreeWriter.object();
    // OpenShell writes "unspecified" here, which its own reader rejects; leaving it out keeps the
    // file readable and means the same (a missing strategy is unspecified).
    TreeWriter.str(o, "strategy", r.strategy().yamlName());
    TreeWriter.str(o, "token_url", r.tokenUrl());
    TreeWriter.strings(o, "scopes", r.scopes());
    TreeWriter.num(o, "refresh_before_seconds", r.refreshBeforeSeconds());
    TreeWriter.num(o, "max_lifetime_seconds", r.maxLifetimeSeconds());
    if (!r.material().isEmpty()) {
      ArrayNode a = o.putArray("material");
      for (RefreshMaterial m : r.material()) {
        ObjectNode mo = a.addObject();
        mo.put("name", m.name());
        TreeWriter.str(mo, "description", m.description());
        mo.put("required", m.required());
        mo.put("secret", m.secret());
      }
    }
    if (!r.additionalOutputs().isEmpty()) {
      ArrayNode a = o.putArray("additional_outputs");
      for (AdditionalOutput out : r.additionalOutputs()) {
        ObjectNode oo = a.addObject();
        oo.put("output", out.output());
        oo.put("credential", out.credential());
      }
    }
    return o;
  }

  private static ObjectNode writeTokenGrant(TokenGrant t) {
    ObjectNode o = TreeWriter.object();
    o.put("token_endpoint", t.tokenEndpoint());
    TreeWriter.str(o, "audience", t.audience());
    TreeWriter.str(o, "jwt_svid_audience", t.jwtSvidAudience());
    TreeWriter.str(o, "client_assertion_type", t.clientAssertionType());
    TreeWriter.strings(o, "scopes", t.scopes());
    TreeWriter.num(o, "cache_ttl_seconds", t.cacheTtlSeconds());
    if (!t.audienceOverrides().isEmpty()) {
      ArrayNode a = o.putArray("audience_overrides");
      for (AudienceOverride ao : t.audienceOverrides()) {
        ObjectNode x = a.addObject();
        ao.host().ifPresent(h -> x.put("host", h));
        TreeWriter.num(x, "port", ao.port());
        ao.path().ifPresent(p -> x.put("path", p));
        x.put("audience", ao.audience());
        TreeWriter.strings(x, "scopes", ao.scopes());
      }
    }
    return o;
  }
}
