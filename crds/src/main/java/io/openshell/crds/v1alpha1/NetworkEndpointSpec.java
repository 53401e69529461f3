package io.openshell.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * A network endpoint: one shape for provider profiles and sandbox policies (OpenShell's
 * NetworkEndpoint in camelCase). {@code credentialBinding} is only meaningful in a sandbox policy:
 * the schema rejects it in profiles and in the global policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(
    value = DeepMergeCustomizer.class,
    input =
        """
        {"properties": {
          "protocol": {"enum": ["tcp", "rest", "websocket", "graphql", "sql", "json-rpc", "mcp"]},
          "tls": {"enum": ["skip", "terminate", "passthrough"]},
          "enforcement": {"enum": ["enforce", "audit"]},
          "access": {"enum": ["read-only", "read-write", "full"]},
          "credentialSigning": {"enum": ["sigv4", "sigv4:body", "sigv4:no_body"]},
          "persistedQueries": {"enum": ["deny", "allow_registered"]}}}
        """)
@ValidationRule(
    value = "!(has(self.rules) && has(self.access))",
    message = "rules and access are mutually exclusive")
@ValidationRule(
    value = "!has(self.mcp) || (has(self.protocol) && self.protocol == 'mcp')",
    message = "mcp options are only valid for protocol mcp")
@ValidationRule(
    value = "!(has(self.jsonRpc) && has(self.mcp))",
    message =
        "set the body limit in mcp.maxBodyBytes for protocol mcp, or in jsonRpc.maxBodyBytes,"
            + " not both")
public class NetworkEndpointSpec {
  @JsonPropertyDescription(
      "Host name or glob, case-insensitive ('*' one DNS label, '**' one or more, only in the first"
          + " label). May be empty only with allowedIPs.")
  private String host;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Single port as authored. Ignored when ports is non-empty.")
  private Integer port;

  @JsonPropertyDescription("Ports; when non-empty they take precedence over port.")
  private List<@Min(1) @Max(65535) Integer> ports;

  @JsonPropertyDescription(
      "HTTP path glob selecting between L7 endpoints on one host:port; must start with '/' or be"
          + " '**'. Unset means all paths.")
  private String path;

  @JsonPropertyDescription(
      "Unset: L4 through the proxy. tcp: explicit L4 (transparent capture). rest, websocket,"
          + " graphql, sql, json-rpc, mcp: L7 inspection.")
  private String protocol;

  @JsonPropertyDescription(
      "Unset: auto-detect. skip: do not terminate TLS. terminate and passthrough are deprecated"
          + " and have no effect.")
  private String tls;

  @JsonPropertyDescription(
      "enforce blocks traffic the rules do not allow; audit (default) logs it.")
  private String enforcement;

  @JsonPropertyDescription(
      "Access preset (read-only, read-write, full); mutually exclusive with rules; not for mcp or"
          + " json-rpc.")
  private String access;

  @JsonPropertyDescription("Explicit allow rules. An empty list would deny all traffic.")
  @ValidationRule(
      value = "self.size() > 0",
      message =
          "rules list cannot be empty (would deny all traffic). Use `access: full` or remove"
              + " rules.")
  private List<L7RuleSpec> rules;

  @JsonPropertyDescription("Deny rules, evaluated after allow rules and taking precedence.")
  @ValidationRule(
      value = "self.size() > 0",
      message =
          "deny_rules list cannot be empty (would have no effect). Remove it if no denials are"
              + " needed.")
  private List<L7MatchSpec> denyRules;

  @JsonProperty("allowedIPs")
  @JsonPropertyDescription("IP or CIDR allowlist for the resolved addresses (SSRF guard).")
  private List<String> allowedIPs;

  @JsonPropertyDescription("Keep %2F in path segments instead of decoding it.")
  private Boolean allowEncodedSlash;

  @JsonPropertyDescription("Rewrite credential placeholders in WebSocket messages.")
  private Boolean websocketCredentialRewrite;

  @JsonPropertyDescription("Rewrite credential placeholders in REST request bodies.")
  private Boolean requestBodyCredentialRewrite;

  @JsonPropertyDescription(
      "Explicit opt-in to send provider credentials over an L4-only or tls: skip endpoint.")
  private Boolean allowUninspectedCredentials;

  @JsonPropertyDescription("Request signing: sigv4, sigv4:body or sigv4:no_body.")
  private String credentialSigning;

  @JsonPropertyDescription("SigV4 service name (required with credentialSigning).")
  private String signingService;

  @JsonPropertyDescription("SigV4 region.")
  private String signingRegion;

  @JsonPropertyDescription(
      "Sandbox policies only: bind an attached endpointless provider's credentials to this"
          + " endpoint. Rejected in provider profiles and in the global policy.")
  private CredentialBindingSpec credentialBinding;

  @JsonPropertyDescription("GraphQL persisted queries: deny (default) or allow_registered.")
  private String persistedQueries;

  @JsonPropertyDescription("Registered GraphQL persisted queries by hash.")
  private Map<String, GraphqlPersistedQuerySpec> graphqlPersistedQueries;

  @Min(0)
  @Max(4294967295.0)
  @JsonPropertyDescription("GraphQL request body limit in bytes; unset or 0 means 65536.")
  private Long graphqlMaxBodyBytes;

  @JsonPropertyDescription("JSON-RPC options (OpenShell profiles write json_rpc_max_body_bytes).")
  private JsonRpcSpec jsonRpc;

  @JsonPropertyDescription("MCP options (protocol mcp only).")
  private McpSpec mcp;

  // accessors

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public List<@Min(1) @Max(65535) Integer> getPorts() {
    return ports;
  }

  public void setPorts(List<@Min(1) @Max(65535) Integer> ports) {
    this.ports = ports;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public String getTls() {
    return tls;
  }

  public void setTls(String tls) {
    this.tls = tls;
  }

  public String getEnforcement() {
    return enforcement;
  }

  public void setEnforcement(String enforcement) {
    this.enforcement = enforcement;
  }

  public String getAccess() {
    return access;
  }

  public void setAccess(String access) {
    this.access = access;
  }

  public List<L7RuleSpec> getRules() {
    return rules;
  }

  public void setRules(List<L7RuleSpec> rules) {
    this.rules = rules;
  }

  public List<L7MatchSpec> getDenyRules() {
    return denyRules;
  }

  public void setDenyRules(List<L7MatchSpec> denyRules) {
    this.denyRules = denyRules;
  }

  public List<String> getAllowedIPs() {
    return allowedIPs;
  }

  public void setAllowedIPs(List<String> allowedIPs) {
    this.allowedIPs = allowedIPs;
  }

  public Boolean getAllowEncodedSlash() {
    return allowEncodedSlash;
  }

  public void setAllowEncodedSlash(Boolean allowEncodedSlash) {
    this.allowEncodedSlash = allowEncodedSlash;
  }

  public Boolean getWebsocketCredentialRewrite() {
    return websocketCredentialRewrite;
  }

  public void setWebsocketCredentialRewrite(Boolean websocketCredentialRewrite) {
    this.websocketCredentialRewrite = websocketCredentialRewrite;
  }

  public Boolean getRequestBodyCredentialRewrite() {
    return requestBodyCredentialRewrite;
  }

  public void setRequestBodyCredentialRewrite(Boolean requestBodyCredentialRewrite) {
    this.requestBodyCredentialRewrite = requestBodyCredentialRewrite;
  }

  public Boolean getAllowUninspectedCredentials() {
    return allowUninspectedCredentials;
  }

  public void setAllowUninspectedCredentials(Boolean allowUninspectedCredentials) {
    this.allowUninspectedCredentials = allowUninspectedCredentials;
  }

  public String getCredentialSigning() {
    return credentialSigning;
  }

  public void setCredentialSigning(String credentialSigning) {
    this.credentialSigning = credentialSigning;
  }

  public String getSigningService() {
    return signingService;
  }

  public void setSigningService(String signingService) {
    this.signingService = signingService;
  }

  public String getSigningRegion() {
    return signingRegion;
  }

  public void setSigningRegion(String signingRegion) {
    this.signingRegion = signingRegion;
  }

  public CredentialBindingSpec getCredentialBinding() {
    return credentialBinding;
  }

  public void setCredentialBinding(CredentialBindingSpec credentialBinding) {
    this.credentialBinding = credentialBinding;
  }

  public String getPersistedQueries() {
    return persistedQueries;
  }

  public void setPersistedQueries(String persistedQueries) {
    this.persistedQueries = persistedQueries;
  }

  public Map<String, GraphqlPersistedQuerySpec> getGraphqlPersistedQueries() {
    return graphqlPersistedQueries;
  }

  public void setGraphqlPersistedQueries(
      Map<String, GraphqlPersistedQuerySpec> graphqlPersistedQueries) {
    this.graphqlPersistedQueries = graphqlPersistedQueries;
  }

  public Long getGraphqlMaxBodyBytes() {
    return graphqlMaxBodyBytes;
  }

  public void setGraphqlMaxBodyBytes(Long graphqlMaxBodyBytes) {
    this.graphqlMaxBodyBytes = graphqlMaxBodyBytes;
  }

  public JsonRpcSpec getJsonRpc() {
    return jsonRpc;
  }

  public void setJsonRpc(JsonRpcSpec jsonRpc) {
    this.jsonRpc = jsonRpc;
  }

  public McpSpec getMcp() {
    return mcp;
  }

  public void setMcp(McpSpec mcp) {
    this.mcp = mcp;
  }
}
