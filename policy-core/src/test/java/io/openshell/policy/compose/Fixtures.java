package io.openshell.policy.compose;

import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.CredentialBinding;
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
import io.openshell.policy.model.TokenGrant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Model builders shared by the composition tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Settings V2 = new Settings(true, Optional.empty(), 1);
  static final Settings V1 = Settings.DEFAULTS;

  private Fixtures() {}

  static NetworkEndpoint.Builder ep(String host, int port) {
    return NetworkEndpoint.builder().host(host).port(port);
  }

  static NetworkEndpoint l4(String host, int port) {
    return ep(host, port).build();
  }

  static NetworkEndpoint rest(String host, int port) {
    return ep(host, port).protocol("rest").access("read-only").enforcement("enforce").build();
  }

  static NetworkPolicyRule rule(String name, NetworkEndpoint... endpoints) {
    return new NetworkPolicyRule(
        name, List.of(endpoints), List.of(NetworkBinary.of("/usr/bin/curl")));
  }

  static SandboxPolicy policy(Object... keysAndRules) {
    Map<String, NetworkPolicyRule> rules = new LinkedHashMap<>();
    for (int i = 0; i < keysAndRules.length; i += 2) {
      rules.put((String) keysAndRules[i], (NetworkPolicyRule) keysAndRules[i + 1]);
    }
    return SandboxPolicy.ofNetwork(rules);
  }

  static CredentialProfile credential(String name, String... envVars) {
    return new CredentialProfile(
        name,
        "",
        List.of(envVars),
        true,
        "bearer",
        "authorization",
        "",
        "",
        Optional.empty(),
        Optional.empty());
  }

  static CredentialProfile tokenGrantCredential(String name, AudienceOverride... overrides) {
    return new CredentialProfile(
        name,
        "",
        List.of(),
        false,
        "bearer",
        "",
        "",
        "",
        Optional.empty(),
        Optional.of(
            new TokenGrant(
                "https://sts.example.com/token",
                "aud",
                "",
                TokenGrant.DEFAULT_CLIENT_ASSERTION_TYPE,
                List.of(),
                0,
                List.of(overrides))));
  }

  static AudienceOverride override(String host, int port, String path) {
    return new AudienceOverride(
        host.isEmpty() ? Optional.empty() : Optional.of(host),
        port,
        path.isEmpty() ? Optional.empty() : Optional.of(path),
        "aud-" + path,
        List.of());
  }

  static ProviderProfile profile(
      String id,
      List<CredentialProfile> credentials,
      List<NetworkEndpoint> endpoints,
      String... binaries) {
    List<NetworkBinary> bins = new ArrayList<>();
    Arrays.stream(binaries).forEach(b -> bins.add(NetworkBinary.of(b)));
    return new ProviderProfile(
        id,
        0,
        Map.of(),
        id,
        "",
        ProfileCategory.OTHER,
        false,
        credentials,
        List.of(),
        endpoints,
        bins);
  }

  /** The built-in github profile (§3, builtin-profiles.yaml). */
  static ProviderProfile github() {
    return profile(
        "github",
        List.of(credential("api_token", "GITHUB_TOKEN", "GH_TOKEN")),
        List.of(
            ep("api.github.com", 443)
                .protocol("rest")
                .access("read-only")
                .enforcement("enforce")
                .build(),
            ep("api.github.com", 443)
                .path("/graphql")
                .protocol("graphql")
                .access("read-only")
                .enforcement("enforce")
                .build(),
            ep("github.com", 443)
                .protocol("rest")
                .enforcement("enforce")
                .rules(
                    List.of(
                        new L7Rule(L7Match.of("GET", "**")),
                        new L7Rule(L7Match.of("HEAD", "**")),
                        new L7Rule(L7Match.of("OPTIONS", "**")),
                        new L7Rule(L7Match.of("POST", "/**/git-upload-pack"))))
                .build()),
        "/usr/bin/gh",
        "/usr/local/bin/gh",
        "/usr/bin/git",
        "/usr/local/bin/git");
  }

  /** An endpointless profile with one credential (like google-cloud). */
  static ProviderProfile endpointless(String id, String... envVars) {
    return profile(id, List.of(credential("token", envVars)), List.of());
  }

  static ProfileCatalog catalog(ProviderProfile... profiles) {
    List<CatalogEntry> entries = new ArrayList<>();
    for (ProviderProfile p : profiles) {
      entries.add(new CatalogEntry(p, ProfileSource.BUILTIN, 0));
    }
    return ProfileCatalog.of(entries);
  }

  static ProviderRecord provider(String name, String type, String... keys) {
    return new ProviderRecord(name, type, List.of(keys), List.of(), Map.of(), false, "rv-1");
  }

  static SandboxInputs inputs(
      Optional<SandboxPolicy> policy,
      List<ProviderRecord> records,
      ProfileCatalog catalog,
      Settings settings) {
    List<String> names = new ArrayList<>();
    Map<String, ProviderRecord> byName = new LinkedHashMap<>();
    for (ProviderRecord r : records) {
      names.add(r.name());
      byName.put(r.name(), r);
    }
    return new SandboxInputs("team-a", "box", policy, names, byName, catalog, settings, NOW);
  }

  static SandboxInputs inputs(
      SandboxPolicy policy, ProfileCatalog catalog, Settings settings, ProviderRecord... records) {
    return inputs(Optional.of(policy), List.of(records), catalog, settings);
  }

  static NetworkEndpoint bound(String host, int port, String provider) {
    return ep(host, port)
        .protocol("rest")
        .access("full")
        .credentialBinding(Optional.of(new CredentialBinding(provider)))
        .build();
  }
}
