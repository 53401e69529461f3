package io.openshell.policy.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The selector of an L7 allow or deny rule (§1.5). Which fields apply depends on the endpoint's
 * protocol: REST/WebSocket use method, path and query; SQL uses command; GraphQL uses
 * operation_type, operation_name and fields; JSON-RPC and MCP use method, MCP also tool / params.
 *
 * @param method HTTP method, WebSocket message kind, JSON-RPC or MCP method, or {@code *}
 * @param path request path glob
 * @param command SQL command
 * @param query query parameter name → matcher
 * @param operationType GraphQL operation type
 * @param operationName GraphQL operation name glob
 * @param fields GraphQL root field globs
 * @param params MCP params matchers (only {@code name} is supported)
 * @param tool MCP tool matcher (YAML shorthand for {@code params.name})
 */
public record L7Match(
    String method,
    String path,
    String command,
    Map<String, QueryMatcher> query,
    String operationType,
    String operationName,
    List<String> fields,
    Map<String, QueryMatcher> params,
    Optional<QueryMatcher> tool) {

  public static final L7Match EMPTY =
      new L7Match("", "", "", Map.of(), "", "", List.of(), Map.of(), Optional.empty());

  public L7Match {
    method = Checks.str(method, "method");
    path = Checks.str(path, "path");
    command = Checks.str(command, "command");
    query = Checks.sortedMap(query, "query");
    operationType = Checks.str(operationType, "operationType");
    operationName = Checks.str(operationName, "operationName");
    fields = Checks.list(fields, "fields");
    params = Checks.sortedMap(params, "params");
    Objects.requireNonNull(tool, "tool");
  }

  /** A REST-style selector. */
  public static L7Match of(String method, String path) {
    return new L7Match(method, path, "", Map.of(), "", "", List.of(), Map.of(), Optional.empty());
  }

  /** True when no selector field is set (an allow clause like this allows nothing). */
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
