package io.openshell.policy.model;

/**
 * {@code mcp} options of an endpoint (§1.3). The body limit lives on the endpoint ({@link
 * NetworkEndpoint#jsonRpcMaxBodyBytes()}) because OpenShell's proto stores it there for both
 * json-rpc and mcp.
 *
 * @param strictToolNames tool names must match {@code ^[A-Za-z0-9_.-]{1,128}$} (default true)
 * @param allowAllKnownMcpMethods allow every known MCP method without explicit rules
 */
public record McpOptions(boolean strictToolNames, boolean allowAllKnownMcpMethods) {
  public static final McpOptions DEFAULT = new McpOptions(true, false);
}
