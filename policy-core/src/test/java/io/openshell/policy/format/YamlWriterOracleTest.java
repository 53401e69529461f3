package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.FilesystemPolicy;
import io.openshell.policy.model.GraphqlPersistedQuery;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.LandlockPolicy;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProcessPolicy;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.QueryMatcher;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property tests: the hand-written emitter writes exactly the bytes of the former Jackson/SnakeYAML
 * writer ({@link LegacyJacksonYaml}) for many generated documents, policies and profiles whose
 * strings come from a pool of YAML-tricky values.
 */
class YamlWriterOracleTest {
  private static final List<String> TRICKY =
      List.of(
          "*",
          "**",
          "*.example.com",
          "**.internal",
          "443",
          "0443",
          "1.5",
          "1e3",
          "0x1F",
          "0o17",
          "0b11",
          "1_000",
          ".inf",
          "-.inf",
          "+.INF",
          ".nan",
          ".NaN",
          "+",
          "-",
          ".",
          "+.",
          "-1",
          "+1",
          ".5",
          "1.",
          "2001-12-14",
          "v1.2",
          "on",
          "On",
          "ON",
          "off",
          "yes",
          "Yes",
          "no",
          "n",
          "N",
          "y",
          "Y",
          "true",
          "True",
          "false",
          "FALSE",
          "null",
          "Null",
          "NULL",
          "~",
          "~x",
          "",
          " ",
          "  ",
          "a: b",
          "a:b",
          "a:",
          ":a",
          ": a",
          "? a",
          "?a",
          "- a",
          "-a",
          "-x",
          "--",
          "---",
          "--- a",
          "...",
          "... a",
          "#x",
          "a #x",
          "a#x",
          "a\t#x",
          "x #",
          "[a]",
          "{a}",
          "a,b",
          "a]",
          "&a",
          "*a",
          "!a",
          "|a",
          ">a",
          "'a",
          "\"a",
          "%a",
          "@a",
          "`a",
          " lead",
          "trail ",
          " both ",
          "tab\there",
          "\ttab",
          "tab\t",
          "日本語",
          "emoji😀",
          "café",
          "naïve path/ü",
          "a\nb",
          "a\n",
          "a\n\n",
          "\na",
          "\n",
          "\n\n",
          "a\n b",
          "a \nb",
          "line1\nline2\nline3",
          "  indented\nx",
          "x\n  y",
          "a\u2028b",
          "a\u0085b",
          "\u2029",
          "a\rb",
          "a\r\nb",
          "nul\u0000x",
          "bell\u0007",
          "esc\u001b",
          "del\u007f",
          "nbsp\u00a0x",
          "\u00a0",
          "bom\ufeffx",
          "\ufeff",
          "ctl\u0001x",
          "\u0080x",
          "lone\ud800x",
          "lone\udc00",
          "quote'in",
          "'",
          "''",
          "a'b'c",
          "dq\"in",
          "back\\slash",
          "\\",
          "C:\\path",
          "/usr/bin/curl",
          "/repos/**",
          "GET",
          "POST",
          "*/*",
          "a b",
          "a  b",
          "a - b",
          "a ? b",
          "x:y:z",
          "http://x:80/p",
          "key=value",
          "%2F",
          "a|b",
          "{",
          "}",
          "@",
          "=",
          "<<",
          "a" + "b".repeat(130),
          "k".repeat(127),
          "k".repeat(128),
          "ok",
          "api.example.com",
          "api-v2",
          "team_a");

  private final Random random = new Random(20261123L);

  @Test
  void everyTrickyStringIsWrittenAsJacksonWroteItAsKeyAndValueAtEveryDepth() {
    for (String s : TRICKY) {
      for (int shape = 0; shape < 6; shape++) {
        TreeDoc tree = new TreeDoc();
        YamlWriter yaml = new YamlWriter(64);
        for (Doc d : List.of(tree, yaml)) {
          writeShape(d, shape, s);
        }
        assertThat(yaml.text())
            .as("shape %d of %s", shape, s)
            .isEqualTo(LegacyJacksonYaml.write(tree.root()));
      }
    }
  }

  private static void writeShape(Doc d, int shape, String s) {
    d.beginMap();
    switch (shape) {
      case 0 -> {
        d.key("k");
        d.str(s);
      }
      case 1 -> {
        d.key(s);
        d.str("v");
        d.key("after");
        d.num(1);
      }
      case 2 -> {
        d.key("list");
        d.beginList();
        d.str(s);
        d.str("x");
        d.endList();
      }
      case 3 -> {
        d.key("list");
        d.beginList();
        d.beginMap();
        d.key(s);
        d.str(s);
        d.key("b");
        d.beginMap();
        d.key(s);
        d.beginMap();
        d.key("c");
        d.str(s);
        d.endMap();
        d.endMap();
        d.endMap();
        d.endList();
      }
      case 4 -> {
        d.key("m");
        d.beginMap();
        d.key(s);
        d.beginMap();
        d.key("x");
        d.bool(true);
        d.key("y");
        d.beginList();
        d.beginMap();
        d.endMap();
        d.str(s);
        d.endList();
        d.endMap();
        d.key("empty");
        d.beginList();
        d.endList();
        d.endMap();
      }
      default -> {
        d.key("a");
        d.beginMap();
        d.endMap();
        d.key("z");
        d.str(s);
      }
    }
    d.endMap();
  }

  @Test
  void randomDocumentsAreWrittenAsJacksonWroteThem() {
    for (int i = 0; i < 3_000; i++) {
      TreeDoc tree = new TreeDoc();
      YamlWriter yaml = new YamlWriter(256);
      long seed = random.nextLong();
      for (Doc d : List.of(tree, yaml)) {
        Random r = new Random(seed);
        randomMap(d, r, 0, false);
      }
      String expected = LegacyJacksonYaml.write(tree.root());
      assertThat(yaml.text()).as("seed %d", seed).isEqualTo(expected);
    }
  }

  private void randomMap(Doc d, Random r, int depth, boolean allowEmpty) {
    d.beginMap();
    int n = (allowEmpty ? 0 : 1) + r.nextInt(depth > 3 ? 2 : 4);
    List<String> used = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String k = pick(r);
      if (used.contains(k)) {
        continue;
      }
      used.add(k);
      d.key(k);
      randomValue(d, r, depth + 1, false);
    }
    d.endMap();
  }

  private void randomValue(Doc d, Random r, int depth, boolean inList) {
    int kind = r.nextInt(depth > 4 ? 3 : 6);
    switch (kind) {
      case 0, 1 -> d.str(pick(r));
      case 2 -> {
        if (r.nextBoolean()) {
          d.num(r.nextInt(70_000));
        } else {
          d.bool(r.nextBoolean());
        }
      }
      case 3 -> randomMap(d, r, depth, true);
      default -> {
        if (inList) {
          randomMap(d, r, depth, true);
        } else {
          d.beginList();
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            if (r.nextBoolean()) {
              d.str(pick(r));
            } else {
              randomValue(d, r, depth + 1, true);
            }
          }
          d.endList();
        }
      }
    }
  }

  private static String pick(Random r) {
    if (r.nextInt(5) == 0) {
      if (r.nextBoolean()) {
        return TRICKY.get(r.nextInt(TRICKY.size())) + TRICKY.get(r.nextInt(TRICKY.size()));
      }
      String alphabet = "ab1 :#-?'\"\\\n\t.*,[]{}~\u2028\u00e9\ud83d\ude00";
      int[] cps = alphabet.codePoints().toArray();
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        sb.appendCodePoint(cps[r.nextInt(cps.length)]);
      }
      return sb.toString();
    }
    return TRICKY.get(r.nextInt(TRICKY.size()));
  }

  @Test
  void randomPoliciesAreWrittenAsJacksonWroteThem() throws Exception {
    for (int i = 0; i < 500; i++) {
      long seed = random.nextLong();
      SandboxPolicy p = randomPolicy(new Random(seed));
      JsonNode tree = TreeWriter.JSON_READER.readTree(PolicyYaml.writeJson(p));
      assertThat(PolicyYaml.write(p)).as("seed %d", seed).isEqualTo(LegacyJacksonYaml.write(tree));
    }
  }

  @Test
  void builtinProfilesAreWrittenAsJacksonWroteThem() throws Exception {
    for (ProviderProfile p : BuiltinProfiles.all().stream().map(e -> e.profile()).toList()) {
      JsonNode tree = TreeWriter.JSON_READER.readTree(ProfileFiles.writeJson(p));
      assertThat(ProfileFiles.writeYaml(p)).as(p.id()).isEqualTo(LegacyJacksonYaml.write(tree));
    }
  }

  private static SandboxPolicy randomPolicy(Random r) {
    Map<String, NetworkPolicyRule> rules = new TreeMap<>();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      List<NetworkEndpoint> eps = new ArrayList<>();
      int ne = r.nextInt(4);
      for (int j = 0; j < ne; j++) {
        eps.add(randomEndpoint(r));
      }
      List<NetworkBinary> bins = new ArrayList<>();
      int nb = r.nextInt(3);
      for (int j = 0; j < nb; j++) {
        bins.add(new NetworkBinary(pick(r), r.nextInt(4) == 0));
      }
      rules.put(pick(r), new NetworkPolicyRule(r.nextBoolean() ? pick(r) : "", eps, bins));
    }
    return new SandboxPolicy(
        1 + r.nextInt(3),
        r.nextBoolean()
            ? Optional.of(new FilesystemPolicy(r.nextBoolean(), strings(r), strings(r)))
            : Optional.empty(),
        r.nextBoolean() ? Optional.of(new LandlockPolicy(maybe(r))) : Optional.empty(),
        r.nextBoolean() ? Optional.of(new ProcessPolicy(maybe(r), maybe(r))) : Optional.empty(),
        rules);
  }

  private static NetworkEndpoint randomEndpoint(Random r) {
    List<Integer> ports = new ArrayList<>();
    int np = r.nextInt(3);
    for (int k = 0; k < np; k++) {
      ports.add(1 + r.nextInt(65_535));
    }
    List<L7Rule> rules = new ArrayList<>();
    int nr = r.nextInt(3);
    for (int k = 0; k < nr; k++) {
      rules.add(new L7Rule(randomMatch(r)));
    }
    List<L7Match> deny = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      deny.add(randomMatch(r));
    }
    Map<String, GraphqlPersistedQuery> pq = new LinkedHashMap<>();
    if (r.nextInt(4) == 0) {
      pq.put(pick(r), new GraphqlPersistedQuery(maybe(r), maybe(r), strings(r)));
    }
    return NetworkEndpoint.builder()
        .host(pick(r))
        .port(ports.isEmpty() ? (r.nextBoolean() ? 443 : 0) : ports.get(0))
        .ports(ports)
        .path(maybe(r))
        .protocol(r.nextBoolean() ? "rest" : maybe(r))
        .tls(maybe(r))
        .enforcement(maybe(r))
        .access(maybe(r))
        .rules(rules)
        .denyRules(deny)
        .allowedIps(strings(r))
        .allowEncodedSlash(r.nextBoolean())
        .websocketCredentialRewrite(r.nextBoolean())
        .requestBodyCredentialRewrite(r.nextBoolean())
        .allowUninspectedCredentials(r.nextBoolean())
        .credentialSigning(maybe(r))
        .signingService(maybe(r))
        .signingRegion(maybe(r))
        .credentialBinding(
            r.nextInt(4) == 0 ? Optional.of(new CredentialBinding(pick(r))) : Optional.empty())
        .persistedQueries(maybe(r))
        .graphqlPersistedQueries(pq)
        .graphqlMaxBodyBytes(r.nextInt(3) == 0 ? r.nextInt(100_000) : 0)
        .jsonRpcMaxBodyBytes(r.nextInt(3) == 0 ? r.nextInt(100_000) : 0)
        .mcp(
            r.nextInt(4) == 0
                ? Optional.of(new McpOptions(r.nextBoolean(), r.nextBoolean()))
                : Optional.empty())
        .build();
  }

  private static L7Match randomMatch(Random r) {
    Map<String, QueryMatcher> query = new LinkedHashMap<>();
    Map<String, QueryMatcher> params = new LinkedHashMap<>();
    int nq = r.nextInt(3);
    for (int k = 0; k < nq; k++) {
      query.put(pick(r), matcher(r));
      if (r.nextBoolean()) {
        params.put(pick(r), matcher(r));
      }
    }
    return new L7Match(
        maybe(r),
        maybe(r),
        maybe(r),
        query,
        maybe(r),
        maybe(r),
        strings(r),
        params,
        r.nextInt(4) == 0 ? Optional.of(matcher(r)) : Optional.empty());
  }

  private static QueryMatcher matcher(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> QueryMatcher.glob(pick(r));
      case 1 -> QueryMatcher.anyOf(strings(r));
      default -> new QueryMatcher(Optional.of(pick(r)), strings(r));
    };
  }

  private static String maybe(Random r) {
    return r.nextBoolean() ? "" : pick(r);
  }

  private static List<String> strings(Random r) {
    List<String> out = new ArrayList<>();
    int n = r.nextInt(3);
    for (int k = 0; k < n; k++) {
      out.add(pick(r));
    }
    return out;
  }
}
