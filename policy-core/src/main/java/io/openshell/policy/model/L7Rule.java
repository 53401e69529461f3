package io.openshell.policy.model;

import java.util.Objects;

/**
 * One entry of an endpoint's {@code rules}: {@code {allow: ...}}.
 *
 * @param allow what the rule allows
 */
public record L7Rule(L7Match allow) {
  public L7Rule {
    Objects.requireNonNull(allow, "allow");
  }
}
