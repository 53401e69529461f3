package io.openshell.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * Runs each {@code health.lua} against the fixtures listed in its {@code health_test.yaml} (Argo
 * CD's own test layout), in LuaJ — a Lua 5.2 interpreter; the scripts stay within Lua 5.1.
 */
class ArgoCdHealthCheckTest {
  private static final Path ROOT = Path.of("argocd/resource_customizations/openshell.io");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Arguments> fixtures() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> kinds = Files.list(ROOT)) {
      for (Path kind : kinds.sorted().toList()) {
        JsonNode tests = YAML.readTree(kind.resolve("health_test.yaml").toFile()).path("tests");
        for (JsonNode t : tests) {
          out.add(
              Arguments.of(
                  kind.getFileName() + "/" + t.path("inputPath").asText(),
                  kind,
                  t.path("inputPath").asText(),
                  t.at("/healthStatus/status").asText(),
                  t.at("/healthStatus/message").asText()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void healthScriptReportsTheExpectedStatusAndMessage(
      String name, Path kind, String input, String status, String message) throws IOException {
    JsonNode obj = YAML.readTree(kind.resolve(input).toFile());

    LuaValue hs = run(kind.resolve("health.lua"), obj);

    assertThat(hs.get("status").tojstring()).isEqualTo(status);
    assertThat(hs.get("message").tojstring()).isEqualTo(message);
  }

  @Test
  void everyKindHasAHealthScriptAndAtLeastOneDegradedOrProgressingFixture() throws IOException {
    for (String kind : List.of("ProviderProfile", "Provider", "Sandbox", "OpenShellSettings")) {
      Path dir = ROOT.resolve(kind);
      assertThat(dir.resolve("health.lua")).exists();
      assertThat(Files.readString(dir.resolve("health_test.yaml")))
          .containsAnyOf("Degraded", "Progressing");
    }
  }

  @Test
  void argoCdConfigMapSnippetEmbedsExactlyTheTestedScripts() throws IOException {
    JsonNode cm = YAML.readTree(Path.of("argocd/argocd-cm-health.yaml").toFile());
    for (String kind : List.of("ProviderProfile", "Provider", "Sandbox", "OpenShellSettings")) {
      String embedded =
          cm.at("/data").path("resource.customizations.health.openshell.io_" + kind).asText();
      assertThat(embedded).isEqualTo(Files.readString(ROOT.resolve(kind).resolve("health.lua")));
    }
  }

  private static LuaValue run(Path script, JsonNode obj) throws IOException {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(obj));
    return globals.load(Files.readString(script), script.toString()).call();
  }

  private static LuaValue toLua(JsonNode node) {
    if (node.isObject()) {
      LuaTable t = new LuaTable();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        t.set(e.getKey(), toLua(e.getValue()));
      }
      return t;
    }
    if (node.isArray()) {
      LuaTable t = new LuaTable();
      int i = 1;
      for (JsonNode e : node) {
        t.set(i++, toLua(e));
      }
      return t;
    }
    if (node.isIntegralNumber()) {
      return LuaValue.valueOf(node.asLong());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    if (node.isNull()) {
      return LuaValue.NIL;
    }
    return LuaValue.valueOf(node.asText());
  }
}
