package io.openshell.policy.validate;

import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.QueryMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoint and rule fixtures for the validate and lint tests. */
public final class Endpoints {
  private Endpoints() {}

  /** {@code host:443}. */
  public static NetworkEndpoint.Builder at(String host) {
    return NetworkEndpoint.builder().host(host).port(443);
  }

  /** A REST endpoint with {@code access: read-only}. */
  public static NetworkEndpoint.Builder rest(String host) {
    return at(host).protocol("rest").access("read-only");
  }

  public static L7Rule allow(L7Match match) {
    return new L7Rule(match);
  }

  public static L7Rule allowMethod(String method) {
    return new L7Rule(method(method));
  }

  public static L7Match method(String method) {
    return L7Match.of(method, "");
  }

  /** An MCP selector with a method and a tool glob. */
  public static L7Match tool(String method, String glob) {
    return new L7Match(
        method,
        "",
        "",
        Map.of(),
        "",
        "",
        List.of(),
        Map.of(),
        Optional.of(QueryMatcher.glob(glob)));
  }

  /** An MCP selector with a method and {@code params}. */
  public static L7Match params(String method, Map<String, QueryMatcher> params) {
    return new L7Match(method, "", "", Map.of(), "", "", List.of(), params, Optional.empty());
  }

  public static L7Match operationType(String type) {
    return new L7Match("", "", "", Map.of(), type, "", List.of(), Map.of(), Optional.empty());
  }

  public static Optional<McpOptions> mcp(boolean strictToolNames, boolean allowAll) {
    return Optional.of(new McpOptions(strictToolNames, allowAll));
  }

  /** {@code protocol: mcp} with the given allow rules and default options. */
  public static NetworkEndpoint.Builder mcpEndpoint(L7Rule... rules) {
    return at("mcp.example.com").protocol("mcp").rules(List.of(rules));
  }
}
