package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/**
 * The selector of an L7 allow or deny rule. Which fields apply depends on the endpoint protocol:
 * REST/WebSocket use method, path and query; SQL uses command; GraphQL uses operationType,
 * operationName and fields; JSON-RPC and MCP use method, MCP also tool or params.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class L7MatchSpec {
  @JsonPropertyDescription(
      "HTTP method, WebSocket message kind (GET, WEBSOCKET_TEXT), JSON-RPC or MCP method, or *.")
  private String method;

  @JsonPropertyDescription("Request path glob (* and ** may cross '/').")
  private String path;

  @JsonPropertyDescription("SQL command (protocol sql).")
  private String command;

  @JsonPropertyDescription("Query parameter name to matcher (REST and WebSocket upgrade).")
  private Map<String, QueryMatcherSpec> query;

  @JsonPropertyDescription("GraphQL operation type: query, mutation, subscription or *.")
  private String operationType;

  @JsonPropertyDescription("GraphQL operation name glob.")
  private String operationName;

  @JsonPropertyDescription("GraphQL root field globs.")
  private List<String> fields;

  @JsonPropertyDescription("MCP params matchers; only 'name' is supported.")
  private Map<String, QueryMatcherSpec> params;

  @JsonPropertyDescription("MCP tool matcher (shorthand for params.name; not both).")
  private QueryMatcherSpec tool;

  // accessors

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public Map<String, QueryMatcherSpec> getQuery() {
    return query;
  }

  public void setQuery(Map<String, QueryMatcherSpec> query) {
    this.query = query;
  }

  public String getOperationType() {
    return operationType;
  }

  public void setOperationType(String operationType) {
    this.operationType = operationType;
  }

  public String getOperationName() {
    return operationName;
  }

  public void setOperationName(String operationName) {
    this.operationName = operationName;
  }

  public List<String> getFields() {
    return fields;
  }

  public void setFields(List<String> fields) {
    this.fields = fields;
  }

  public Map<String, QueryMatcherSpec> getParams() {
    return params;
  }

  public void setParams(Map<String, QueryMatcherSpec> params) {
    this.params = params;
  }

  public QueryMatcherSpec getTool() {
    return tool;
  }

  public void setTool(QueryMatcherSpec tool) {
    this.tool = tool;
  }
}
