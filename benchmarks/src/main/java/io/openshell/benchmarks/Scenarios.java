package io.openshell.benchmarks;

import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import io.openshell.policy.model.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Realistic benchmark inputs: a sandbox with 20 base rules and 8 built-in providers. */
final class Scenarios {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Settings V2 = new Settings(true, Optional.empty(), 1);

  /** Eight built-ins that can be attached together without a violation, with their keys. */
  static final String[][] BUILTIN_PROVIDERS = {
    {"github", "GITHUB_TOKEN"},
    {"claude-code", "ANTHROPIC_API_KEY"},
    {"codex", "CODEX_AUTH_ACCESS_TOKEN"},
    {"copilot", "COPILOT_GITHUB_TOKEN"},
    {"cursor", "CURSOR_TOKEN"},
    {"deepinfra", "DEEPINFRA_API_KEY"},
    {"nvidia", "NVIDIA_API_KEY"},
    {"google-vertex-ai", "GOOGLE_VERTEX_AI_TOKEN"},
  };

  private Scenarios() {}

  /** Twenty user rules: a mix of REST (read-only, explicit rules), GraphQL and plain L4. */
  static SandboxPolicy baseRules(int count) {
    return baseRules(count, "svc");
  }

  /** As {@link #baseRules(int)}, hosts named {@code <hostPrefix><i>.internal.example.com}. */
  static SandboxPolicy baseRules(int count, String hostPrefix) {
    Map<String, NetworkPolicyRule> rules = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String host = hostPrefix + i + ".internal.example.com";
      List<NetworkEndpoint> endpoints = new ArrayList<>();
      switch (i % 4) {
        case 0 ->
            endpoints.add(
                NetworkEndpoint.builder()
                    .host(host)
                    .port(443)
                    .protocol("rest")
                    .access("read-only")
                    .enforcement("enforce")
                    .build());
        case 1 ->
            endpoints.add(
                NetworkEndpoint.builder()
                    .host(host)
                    .port(443)
                    .protocol("rest")
                    .enforcement("enforce")
                    .rules(
                        List.of(
                            new L7Rule(L7Match.of("GET", "/v1/**")),
                            new L7Rule(L7Match.of("POST", "/v1/items"))))
                    .build());
        case 2 -> {
          endpoints.add(
              NetworkEndpoint.builder()
                  .host(host)
                  .port(443)
                  .protocol("rest")
                  .access("full")
                  .build());
          endpoints.add(
              NetworkEndpoint.builder()
                  .host(host)
                  .port(443)
                  .path("/graphql")
                  .protocol("graphql")
                  .access("read-only")
                  .build());
        }
        default ->
            endpoints.add(NetworkEndpoint.builder().host(host).ports(List.of(443, 8443)).build());
      }
      rules.put(
          "user_rule_" + i,
          new NetworkPolicyRule(
              "user_rule_" + i, endpoints, List.of(NetworkBinary.of("/usr/bin/curl"))));
    }
    return SandboxPolicy.ofNetwork(rules);
  }

  static ProfileCatalog builtinCatalog(ProviderProfile... extra) {
    List<CatalogEntry> entries = new ArrayList<>(BuiltinProfiles.all());
    for (ProviderProfile p : extra) {
      entries.add(new CatalogEntry(p, ProfileSource.USER, 1));
    }
    return ProfileCatalog.of(entries);
  }

  static ProviderRecord record(String name, String type, String key) {
    return new ProviderRecord(name, type, List.of(key), List.of(), Map.of(), false, "7/12");
  }

  /** The compose benchmark's sandbox: 20 base rules, the 8 built-in providers, v2 on. */
  static SandboxInputs sandboxWithBuiltins(String namespace, String name, ProfileCatalog catalog) {
    List<String> names = new ArrayList<>();
    Map<String, ProviderRecord> records = new LinkedHashMap<>();
    for (String[] p : BUILTIN_PROVIDERS) {
      String providerName = "work-" + p[0];
      names.add(providerName);
      records.put(providerName, record(providerName, p[0], p[1]));
    }
    return new SandboxInputs(
        namespace, name, Optional.of(baseRules(20)), names, records, catalog, V2, NOW);
  }

  /** A custom profile "team-api" with one credential and {@code endpoints} REST endpoints. */
  static ProviderProfile teamApi(String hostPrefix, int endpoints) {
    List<NetworkEndpoint> eps = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      eps.add(
          NetworkEndpoint.builder()
              .host(hostPrefix + i + ".team.example.com")
              .port(443)
              .protocol("rest")
              .access("read-write")
              .enforcement("enforce")
              .build());
    }
    return new ProviderProfile(
        "team-api",
        1,
        Map.of(),
        "Team API",
        "",
        ProfileCategory.OTHER,
        false,
        List.of(
            new CredentialProfile(
                "token",
                "",
                List.of("TEAM_API_TOKEN"),
                true,
                "bearer",
                "authorization",
                "",
                "",
                Optional.empty(),
                Optional.empty())),
        List.of(),
        eps,
        List.of(NetworkBinary.of("/usr/bin/curl")));
  }

  /**
   * {@code count} sandboxes that each use the "team-api" profile next to github and nvidia, with 20
   * base rules and providers v2 on (so the fan-out runs every check, network ambiguity included).
   */
  static List<SandboxInputs> teamApiSandboxes(int count, ProfileCatalog catalog) {
    SandboxPolicy base = baseRules(20);
    List<SandboxInputs> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, ProviderRecord> records = new LinkedHashMap<>();
      records.put("team", record("team", "team-api", "TEAM_API_TOKEN"));
      records.put("gh", record("gh", "github", "GITHUB_TOKEN"));
      records.put("nv", record("nv", "nvidia", "NVIDIA_API_KEY"));
      out.add(
          new SandboxInputs(
              "ns-" + (i % 50),
              "sandbox-" + i,
              Optional.of(base),
              List.of("team", "gh", "nv"),
              records,
              catalog,
              V2,
              NOW));
    }
    return out;
  }

  /**
   * {@code count} sandboxes that use "team-api", all different: sandbox {@code i} has its own base
   * policy (10 to 29 rules on hosts of its own) and, next to team-api, the subset of the 8 built-in
   * providers given by the bits of {@code i} (so no two sandboxes share their inputs and no result
   * can be reused between them).
   */
  static List<SandboxInputs> distinctTeamApiSandboxes(int count, ProfileCatalog catalog) {
    List<SandboxInputs> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<String> names = new ArrayList<>();
      Map<String, ProviderRecord> records = new LinkedHashMap<>();
      names.add("team");
      records.put("team", record("team", "team-api", "TEAM_API_TOKEN"));
      for (int b = 0; b < BUILTIN_PROVIDERS.length; b++) {
        if ((i >> b & 1) == 1) {
          String[] p = BUILTIN_PROVIDERS[b];
          String providerName = "work-" + p[0];
          names.add(providerName);
          records.put(providerName, record(providerName, p[0], p[1]));
        }
      }
      out.add(
          new SandboxInputs(
              "ns-" + (i % 50),
              "sandbox-" + i,
              Optional.of(baseRules(10 + i % 20, "s" + i + "-svc")),
              names,
              records,
              catalog,
              V2,
              NOW));
    }
    return out;
  }
}
