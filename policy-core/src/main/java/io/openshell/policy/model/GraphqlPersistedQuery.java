package io.openshell.policy.model;

import java.util.List;

/**
 * A registered GraphQL persisted query (value of {@code graphql_persisted_queries}).
 *
 * @param operationType {@code query}, {@code mutation} or {@code subscription}
 * @param operationName operation name
 * @param fields root fields
 */
public record GraphqlPersistedQuery(
    String operationType, String operationName, List<String> fields) {
  public GraphqlPersistedQuery {
    operationType = Checks.str(operationType, "operationType");
    operationName = Checks.str(operationName, "operationName");
    fields = Checks.list(fields, "fields");
  }
}
