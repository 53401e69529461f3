package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.match.TokenGrantBinding;
import io.openshell.policy.match.TokenGrantBindings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Dynamic token-grant ambiguity across a sandbox's providers (§6.3): two credentials of different
 * providers (or different credentials) may not answer the same host, port and path with equal
 * specificity. Checked whatever the providers-v2 setting, like OpenShell.
 */
public final class TokenGrantCheck {
  private TokenGrantCheck() {}

  /** The bindings of every attached provider with a profile, providers in stored order. */
  public static List<TokenGrantBinding> bindings(List<ResolvedProvider> providers) {
    List<TokenGrantBinding> out = new ArrayList<>();
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (ResolvedProvider p : providers) {
      if (p.record().isPresent() && p.entry().isPresent() && names.add(p.name())) {
        out.addAll(TokenGrantBindings.forProfile(p.name(), p.entry().get().profile()));
      }
    }
    return out;
  }

  /** One {@code AMBIGUOUS_TOKEN_GRANT} error per conflicting pair, with OpenShell's text. */
  public static List<Violation> check(List<ResolvedProvider> providers) {
    List<Violation> out = new ArrayList<>();
    for (TokenGrantBindings.Conflict c : TokenGrantBindings.conflicts(bindings(providers))) {
      out.add(Violation.error(ViolationCode.AMBIGUOUS_TOKEN_GRANT, "providers", c.message()));
    }
    return out;
  }
}
