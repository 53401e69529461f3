package io.openshell.crds.convert;

import static io.openshell.crds.convert.Values.bool;
import static io.openshell.crds.convert.Values.list;
import static io.openshell.crds.convert.Values.mapList;
import static io.openshell.crds.convert.Values.mapValues;
import static io.openshell.crds.convert.Values.num;
import static io.openshell.crds.convert.Values.opt;
import static io.openshell.crds.convert.Values.optMapList;
import static io.openshell.crds.convert.Values.optMapValues;
import static io.openshell.crds.convert.Values.str;

import io.openshell.crds.v1alpha1.CredentialBindingSpec;
import io.openshell.crds.v1alpha1.GraphqlPersistedQuerySpec;
import io.openshell.crds.v1alpha1.JsonRpcSpec;
import io.openshell.crds.v1alpha1.L7MatchSpec;
import io.openshell.crds.v1alpha1.L7RuleSpec;
import io.openshell.crds.v1alpha1.McpSpec;
import io.openshell.crds.v1alpha1.NetworkEndpointSpec;
import io.openshell.crds.v1alpha1.QueryMatcherSpec;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.GraphqlPersistedQuery;
import io.openshell.policy.model.L7Match;
import io.openshell.policy.model.L7Rule;
import io.openshell.policy.model.McpOptions;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.QueryMatcher;
import java.util.List;
import java.util.Optional;

/**
 * The endpoint shape shared by profiles and policies. Enumerated values (protocol, tls, access,
 * ...) pass through as strings in both directions, so policy-core's validation reports unknown ones
 * with OpenShell's texts instead of the converter dropping them.
 *
 * <p>Body limits: policy-core keeps one {@code jsonRpcMaxBodyBytes} (OpenShell's proto field); the
 * CR writes it under {@code mcp.maxBodyBytes} when the endpoint has MCP options, else under {@code
 * jsonRpc.maxBodyBytes}, which makes model → CR → model exact.
 */
final class EndpointConverter {
  private EndpointConverter() {}

  static NetworkEndpoint toModel(
      NetworkEndpointSpec e, ViolationCode code, String field, List<Violation> out) {
    long bodyLimit = 0;
    Optional<McpOptions> mcp = Optional.empty();
    McpSpec m = e.getMcp();
    JsonRpcSpec j = e.getJsonRpc();
    if (m != null) {
      mcp =
          Optional.of(
              new McpOptions(
                  m.getStrictToolNames() == null || m.getStrictToolNames(),
                  bool(m.getAllowAllKnownMcpMethods())));
      bodyLimit = num(m.getMaxBodyBytes());
    }
    if (j != null && j.getMaxBodyBytes() != null) {
      if (m != null
          && m.getMaxBodyBytes() != null
          && !m.getMaxBodyBytes().equals(j.getMaxBodyBytes())) {
        out.add(
            Violation.error(
                code,
                field + ".json_rpc",
                "set the body limit in mcp.maxBodyBytes for protocol mcp, or in"
                    + " jsonRpc.maxBodyBytes, not both"));
      } else {
        bodyLimit = j.getMaxBodyBytes();
      }
    }
    return NetworkEndpoint.builder()
        .host(str(e.getHost()))
        .port(num(e.getPort()))
        .ports(list(e.getPorts()))
        .path(str(e.getPath()))
        .protocol(str(e.getProtocol()))
        .tls(str(e.getTls()))
        .enforcement(str(e.getEnforcement()))
        .access(str(e.getAccess()))
        .rules(mapList(e.getRules(), r -> new L7Rule(matchToModel(r.getAllow()))))
        .denyRules(mapList(e.getDenyRules(), EndpointConverter::matchToModel))
        .allowedIps(list(e.getAllowedIPs()))
        .allowEncodedSlash(bool(e.getAllowEncodedSlash()))
        .websocketCredentialRewrite(bool(e.getWebsocketCredentialRewrite()))
        .requestBodyCredentialRewrite(bool(e.getRequestBodyCredentialRewrite()))
        .allowUninspectedCredentials(bool(e.getAllowUninspectedCredentials()))
        .credentialSigning(str(e.getCredentialSigning()))
        .signingService(str(e.getSigningService()))
        .signingRegion(str(e.getSigningRegion()))
        .credentialBinding(
            Optional.ofNullable(e.getCredentialBinding())
                .map(b -> new CredentialBinding(str(b.getProvider()))))
        .persistedQueries(str(e.getPersistedQueries()))
        .graphqlPersistedQueries(
            mapValues(
                e.getGraphqlPersistedQueries(),
                q ->
                    new GraphqlPersistedQuery(
                        str(q.getOperationType()), str(q.getOperationName()), list(q.getFields()))))
        .graphqlMaxBodyBytes(num(e.getGraphqlMaxBodyBytes()))
        .jsonRpcMaxBodyBytes(bodyLimit)
        .mcp(mcp)
        .build();
  }

  static NetworkEndpointSpec toSpec(NetworkEndpoint e) {
    NetworkEndpointSpec s = new NetworkEndpointSpec();
    s.setHost(opt(e.host()));
    s.setPort(opt(e.port()));
    s.setPorts(opt(e.ports()));
    s.setPath(opt(e.path()));
    s.setProtocol(opt(e.protocol()));
    s.setTls(opt(e.tls()));
    s.setEnforcement(opt(e.enforcement()));
    s.setAccess(opt(e.access()));
    s.setRules(optMapList(e.rules(), r -> new L7RuleSpec(matchToSpec(r.allow()))));
    s.setDenyRules(optMapList(e.denyRules(), EndpointConverter::matchToSpec));
    s.setAllowedIPs(opt(e.allowedIps()));
    s.setAllowEncodedSlash(opt(e.allowEncodedSlash()));
    s.setWebsocketCredentialRewrite(opt(e.websocketCredentialRewrite()));
    s.setRequestBodyCredentialRewrite(opt(e.requestBodyCredentialRewrite()));
    s.setAllowUninspectedCredentials(opt(e.allowUninspectedCredentials()));
    s.setCredentialSigning(opt(e.credentialSigning()));
    s.setSigningService(opt(e.signingService()));
    s.setSigningRegion(opt(e.signingRegion()));
    s.setCredentialBinding(
        e.credentialBinding().map(b -> new CredentialBindingSpec(b.provider())).orElse(null));
    s.setPersistedQueries(opt(e.persistedQueries()));
    s.setGraphqlPersistedQueries(
        optMapValues(
            e.graphqlPersistedQueries(),
            q -> {
              GraphqlPersistedQuerySpec g = new GraphqlPersistedQuerySpec();
              g.setOperationType(opt(q.operationType()));
              g.setOperationName(opt(q.operationName()));
              g.setFields(opt(q.fields()));
              return g;
            }));
    s.setGraphqlMaxBodyBytes(opt(e.graphqlMaxBodyBytes()));
    if (e.mcp().isPresent()) {
      McpSpec m = new McpSpec();
      m.setMaxBodyBytes(opt(e.jsonRpcMaxBodyBytes()));
      // Only non-default values are written, so that an empty `mcp: {}` round-trips.
      m.setStrictToolNames(e.mcp().get().strictToolNames() ? null : Boolean.FALSE);
      m.setAllowAllKnownMcpMethods(opt(e.mcp().get().allowAllKnownMcpMethods()));
      s.setMcp(m);
    } else if (e.jsonRpcMaxBodyBytes() != 0) {
      s.setJsonRpc(new JsonRpcSpec(e.jsonRpcMaxBodyBytes()));
    }
    return s;
  }

  static L7Match matchToModel(L7MatchSpec m) {
    if (m == null) {
      return L7Match.EMPTY;
    }
    return new L7Match(
        str(m.getMethod()),
        str(m.getPath()),
        str(m.getCommand()),
        mapValues(m.getQuery(), EndpointConverter::matcherToModel),
        str(m.getOperationType()),
        str(m.getOperationName()),
        list(m.getFields()),
        mapValues(m.getParams(), EndpointConverter::matcherToModel),
        Optional.ofNullable(m.getTool()).map(EndpointConverter::matcherToModel));
  }

  static L7MatchSpec matchToSpec(L7Match m) {
    L7MatchSpec s = new L7MatchSpec();
    s.setMethod(opt(m.method()));
    s.setPath(opt(m.path()));
    s.setCommand(opt(m.command()));
    s.setQuery(optMapValues(m.query(), EndpointConverter::matcherToSpec));
    s.setOperationType(opt(m.operationType()));
    s.setOperationName(opt(m.operationName()));
    s.setFields(opt(m.fields()));
    s.setParams(optMapValues(m.params(), EndpointConverter::matcherToSpec));
    s.setTool(m.tool().map(EndpointConverter::matcherToSpec).orElse(null));
    return s;
  }

  static QueryMatcher matcherToModel(QueryMatcherSpec q) {
    return new QueryMatcher(Optional.ofNullable(q.getGlob()), list(q.getAny()));
  }

  static QueryMatcherSpec matcherToSpec(QueryMatcher q) {
    return new QueryMatcherSpec(q.glob().orElse(null), opt(q.any()));
  }
}
