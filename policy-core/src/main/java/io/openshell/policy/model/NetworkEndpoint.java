package io.openshell.policy.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network endpoint (§1.3), shared by sandbox policies and provider profiles.
 *
 * @param host host name or glob, case-insensitive ({@code *} one DNS label, {@code **} one or
 *     more); empty only with {@code allowed_ips}
 * @param port single port as authored ({@code 0} when unset)
 * @param ports ports; when non-empty they take precedence over {@code port}
 * @param path HTTP path glob selecting between L7 endpoints on one host:port ({@code ""} = all
 *     paths)
 * @param protocol {@code ""} (L4 via proxy), {@code tcp}, {@code rest}, {@code websocket}, {@code
 *     graphql}, {@code sql}, {@code json-rpc} or {@code mcp}
 * @param tls {@code ""} (auto-detect) or {@code skip}; {@code terminate}/{@code passthrough} are
 *     deprecated
 * @param enforcement {@code enforce}; anything else audits
 * @param access access preset: {@code read-only}, {@code read-write} or {@code full}; exclusive
 *     with rules
 * @param rules explicit allow rules
 * @param denyRules deny rules, evaluated after allow rules and taking precedence
 * @param allowedIps IP/CIDR allowlist (SSRF guard)
 * @param allowEncodedSlash keep {@code %2F} in path segments
 * @param websocketCredentialRewrite rewrite credentials in WebSocket messages
 * @param requestBodyCredentialRewrite rewrite credentials in REST request bodies
 * @param allowUninspectedCredentials explicit opt-in for credentials over L4 or {@code tls: skip}
 *     (§5.7)
 * @param credentialSigning {@code sigv4}, {@code sigv4:body} or {@code sigv4:no_body}
 * @param signingService SigV4 service name
 * @param signingRegion SigV4 region
 * @param credentialBinding binding to an endpointless provider (sandbox policies only, §5.8)
 * @param persistedQueries {@code deny} (default) or {@code allow_registered}
 * @param graphqlPersistedQueries registered persisted queries by hash
 * @param graphqlMaxBodyBytes GraphQL body limit ({@code 0} = 65536)
 * @param jsonRpcMaxBodyBytes JSON-RPC / MCP body limit ({@code 0} = 65536)
 * @param mcp MCP options, present when the source had an {@code mcp} stanza
 * @param providerCredentialed internal: set by credential stamping (§5.4), never read from or
 *     written to files
 * @param advisorProposed internal: set by the policy advisor, never read from or written to files
 */
public record NetworkEndpoint(
    String host,
    int port,
    List<Integer> ports,
    String path,
    String protocol,
    String tls,
    String enforcement,
    String access,
    List<L7Rule> rules,
    List<L7Match> denyRules,
    List<String> allowedIps,
    boolean allowEncodedSlash,
    boolean websocketCredentialRewrite,
    boolean requestBodyCredentialRewrite,
    boolean allowUninspectedCredentials,
    String credentialSigning,
    String signingService,
    String signingRegion,
    Optional<CredentialBinding> credentialBinding,
    String persistedQueries,
    Map<String, GraphqlPersistedQuery> graphqlPersistedQueries,
    long graphqlMaxBodyBytes,
    long jsonRpcMaxBodyBytes,
    Optional<McpOptions> mcp,
    boolean providerCredentialed,
    boolean advisorProposed) {

  public NetworkEndpoint {
    host = Checks.str(host, "host");
    ports = Checks.list(ports, "ports");
    path = Checks.str(path, "path");
    protocol = Checks.str(protocol, "protocol");
    tls = Checks.str(tls, "tls");
    enforcement = Checks.str(enforcement, "enforcement");
    access = Checks.str(access, "access");
    rules = Checks.list(rules, "rules");
    denyRules = Checks.list(denyRules, "denyRules");
    allowedIps = Checks.list(allowedIps, "allowedIps");
    credentialSigning = Checks.str(credentialSigning, "credentialSigning");
    signingService = Checks.str(signingService, "signingService");
    signingRegion = Checks.str(signingRegion, "signingRegion");
    Objects.requireNonNull(credentialBinding, "credentialBinding");
    persistedQueries = Checks.str(persistedQueries, "persistedQueries");
    graphqlPersistedQueries = Checks.sortedMap(graphqlPersistedQueries, "graphqlPersistedQueries");
    Objects.requireNonNull(mcp, "mcp");
  }

  /** The ports this endpoint listens on: {@code ports} if non-empty, else {@code [port]} if set. */
  public List<Integer> effectivePorts() {
    if (!ports.isEmpty()) {
      return ports;
    }
    return port > 0 ? List.of(port) : List.of();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this endpoint's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.ports = ports;
    b.path = path;
    b.protocol = protocol;
    b.tls = tls;
    b.enforcement = enforcement;
    b.access = access;
    b.rules = rules;
    b.denyRules = denyRules;
    b.allowedIps = allowedIps;
    b.allowEncodedSlash = allowEncodedSlash;
    b.websocketCredentialRewrite = websocketCredentialRewrite;
    b.requestBodyCredentialRewrite = requestBodyCredentialRewrite;
    b.allowUninspectedCredentials = allowUninspectedCredentials;
    b.credentialSigning = credentialSigning;
    b.signingService = signingService;
    b.signingRegion = signingRegion;
    b.credentialBinding = credentialBinding;
    b.persistedQueries = persistedQueries;
    b.graphqlPersistedQueries = graphqlPersistedQueries;
    b.graphqlMaxBodyBytes = graphqlMaxBodyBytes;
    b.jsonRpcMaxBodyBytes = jsonRpcMaxBodyBytes;
    b.mcp = mcp;
    b.providerCredentialed = providerCredentialed;
    b.advisorProposed = advisorProposed;
    return b;
  }

  /** Builds endpoints; every field starts at OpenShell's default. */
  public static final class Builder {
    private String host = "";
    private int port = 0;
    private List<Integer> ports = List.of();
    private String path = "";
    private String protocol = "";
    private String tls = "";
    private String enforcement = "";
    private String access = "";
    private List<L7Rule> rules = List.of();
    private List<L7Match> denyRules = List.of();
    private List<String> allowedIps = List.of();
    private boolean allowEncodedSlash = false;
    private boolean websocketCredentialRewrite = false;
    private boolean requestBodyCredentialRewrite = false;
    private boolean allowUninspectedCredentials = false;
    private String credentialSigning = "";
    private String signingService = "";
    private String signingRegion = "";
    private Optional<CredentialBinding> credentialBinding = Optional.empty();
    private String persistedQueries = "";
    private Map<String, GraphqlPersistedQuery> graphqlPersistedQueries = Map.of();
    private long graphqlMaxBodyBytes = 0;
    private long jsonRpcMaxBodyBytes = 0;
    private Optional<McpOptions> mcp = Optional.empty();
    private boolean providerCredentialed = false;
    private boolean advisorProposed = false;

    private Builder() {}

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder ports(List<Integer> value) {
      this.ports = value;
      return this;
    }

    public Builder path(String value) {
      this.path = value;
      return this;
    }

    public Builder protocol(String value) {
      this.protocol = value;
      return this;
    }

    public Builder tls(String value) {
      this.tls = value;
      return this;
    }

    public Builder enforcement(String value) {
      this.enforcement = value;
      return this;
    }

    public Builder access(String value) {
      this.access = value;
      return this;
    }

    public Builder rules(List<L7Rule> value) {
      this.rules = value;
      return this;
    }

    public Builder denyRules(List<L7Match> value) {
      this.denyRules = value;
      return this;
    }

    public Builder allowedIps(List<String> value) {
      this.allowedIps = value;
      return this;
    }

    public Builder allowEncodedSlash(boolean value) {
      this.allowEncodedSlash = value;
      return this;
    }

    public Builder websocketCredentialRewrite(boolean value) {
      this.websocketCredentialRewrite = value;
      return this;
    }

    public Builder requestBodyCredentialRewrite(boolean value) {
      this.requestBodyCredentialRewrite = value;
      return this;
    }

    public Builder allowUninspectedCredentials(boolean value) {
      this.allowUninspectedCredentials = value;
      return this;
    }

    public Builder credentialSigning(String value) {
      this.credentialSigning = value;
      return this;
    }

    public Builder signingService(String value) {
      this.signingService = value;
      return this;
    }

    public Builder signingRegion(String value) {
      this.signingRegion = value;
      return this;
    }

    public Builder credentialBinding(Optional<CredentialBinding> value) {
      this.credentialBinding = value;
      return this;
    }

    public Builder persistedQueries(String value) {
      this.persistedQueries = value;
      return this;
    }

    public Builder graphqlPersistedQueries(Map<String, GraphqlPersistedQuery> value) {
      this.graphqlPersistedQueries = value;
      return this;
    }

    public Builder graphqlMaxBodyBytes(long value) {
      this.graphqlMaxBodyBytes = value;
      return this;
    }

    public Builder jsonRpcMaxBodyBytes(long value) {
      this.jsonRpcMaxBodyBytes = value;
      return this;
    }

    public Builder mcp(Optional<McpOptions> value) {
      this.mcp = value;
      return this;
    }

    public Builder providerCredentialed(boolean value) {
      this.providerCredentialed = value;
      return this;
    }

    public Builder advisorProposed(boolean value) {
      this.advisorProposed = value;
      return this;
    }

    public NetworkEndpoint build() {
      return new NetworkEndpoint(
          host,
          port,
          ports,
          path,
          protocol,
          tls,
          enforcement,
          access,
          rules,
          denyRules,
          allowedIps,
          allowEncodedSlash,
          websocketCredentialRewrite,
          requestBodyCredentialRewrite,
          allowUninspectedCredentials,
          credentialSigning,
          signingService,
          signingRegion,
          credentialBinding,
          persistedQueries,
          graphqlPersistedQueries,
          graphqlMaxBodyBytes,
          jsonRpcMaxBodyBytes,
          mcp,
          providerCredentialed,
          advisorProposed);
    }
  }
}
