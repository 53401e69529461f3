package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.SandboxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reserved {@code _provider_} rule-key namespace (§5.2 step 4, §5.5). Provider layers live
 * under these keys; users may not author them.
 */
public final class ProviderRuleNames {
  /** The reserved prefix. {@code _provider_} itself is reserved too. */
  public static final String PREFIX = "_provider_";

  private ProviderRuleNames() {}

  /**
   * The rule key for a provider instance name: each character becomes its lower-case form if it is
   * an ASCII letter, digit or {@code _}, else {@code _} (runs are not collapsed); leading and
   * trailing {@code _} are trimmed; an empty result becomes {@code unnamed}; then the prefix is
   * added. {@code my-github} → {@code _provider_my_github}, {@code Work GitHub!} → {@code
   * _provider_work_github}, {@code ...} → {@code _provider_unnamed}.
   */
  public static String ruleName(String providerName) {
    StringBuilder sb = new StringBuilder(providerName.length());
    // Code points, not UTF-16 units: OpenShell maps each Unicode scalar to one character.
    for (int i = 0; i < providerName.length(); ) {
      int c = providerName.codePointAt(i);
      boolean keep =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      sb.append(keep ? (char) Character.toLowerCase(c) : '_');
      i += Character.charCount(c);
    }
    int start = 0;
    int end = sb.length();
    while (start < end && sb.charAt(start) == '_') {
      start++;
    }
    while (end > start && sb.charAt(end - 1) == '_') {
      end--;
    }
    String sanitized = sb.substring(start, end);
    return PREFIX + (sanitized.isEmpty() ? "unnamed" : sanitized);
  }

  /** True for keys in the reserved namespace ({@code _provider_x}, {@code _provider_}). */
  public static boolean isReserved(String key) {
    return key.startsWith(PREFIX);
  }

  /**
   * The result of stripping reserved keys.
   *
   * @param policy the policy without {@code _provider_*} rules
   * @param changed whether any rule was removed
   */
  public record Stripped(SandboxPolicy policy, boolean changed) {}

  /**
   * Removes every {@code _provider_*} rule and nothing else, as OpenShell does for policies a
   * sandbox syncs back and for {@code policy get --base}.
   */
  public static Stripped strip(SandboxPolicy policy) {
    Map<String, NetworkPolicyRule> kept = new TreeMap<>();
    boolean changed = false;
    for (Map.Entry<String, NetworkPolicyRule> e : policy.networkPolicies().entrySet()) {
      if (isReserved(e.getKey())) {
        changed = true;
      } else {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return new Stripped(changed ? policy.withNetworkPolicies(kept) : policy, changed);
  }

  /** OpenShell's CreateSandbox / UpdateConfig text for a reserved key in a user-authored policy. */
  public static String reservedKeyMessage(String key) {
    return "network_policies key '"
        + key
        + "' uses reserved '_provider_' prefix for provider composition; use 'openshell policy"
        + " get <sandbox> --base' for a round-trippable base policy, or use 'openshell policy get"
        + " <sandbox> --full' to inspect the effective policy including provider entries";
  }

  /**
   * One {@code RESERVED_KEY_PREFIX} error per reserved key of a sandbox's base policy, field {@code
   * network_policies.<key>}, in key order.
   */
  public static List<Violation> reservedKeyViolations(SandboxPolicy policy) {
    return violations(policy, "network_policies.");
  }

  /**
   * The same check for the global policy ({@code OpenShellSettings.spec.globalPolicy}); OpenShell
   * uses the same text, the field is {@code globalPolicy.network_policies.<key>}.
   */
  public static List<Violation> globalReservedKeyViolations(SandboxPolicy policy) {
    return violations(policy, "globalPolicy.network_policies.");
  }

  /** OpenShell's text for an incremental merge {@code add_rule} with a reserved rule name. */
  public static String mergeAddRuleMessage(String ruleName) {
    return "merge operation add_rule rule_name '"
        + ruleName
        + "' uses reserved '_provider_' prefix for provider composition";
  }

  private static List<Violation> violations(SandboxPolicy policy, String fieldPrefix) {
    List<Violation> out = new ArrayList<>();
    for (String key : policy.networkPolicies().keySet()) {
      if (isReserved(key)) {
        out.add(
            Violation.error(
                ViolationCode.RESERVED_KEY_PREFIX, fieldPrefix + key, reservedKeyMessage(key)));
      }
    }
    return out;
  }
}
