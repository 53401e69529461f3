package io.openshell.policy.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Provider type aliases and profile id rules (§2.2). */
public final class ProviderTypes {
  /** OpenShell's legacy aliases: a type on the left resolves to the profile id on the right. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("claude", "claude-code"),
          Map.entry("claude-code", "claude-code"),
          Map.entry("claude_code", "claude-code"),
          Map.entry("gcp", "google-cloud"),
          Map.entry("google-cloud", "google-cloud"),
          Map.entry("gitlab", "gitlab"),
          Map.entry("glab", "gitlab"),
          Map.entry("github", "github"),
          Map.entry("gh", "github"),
          Map.entry("vertex", "google-vertex-ai"),
          Map.entry("vertex-ai", "google-vertex-ai"),
          Map.entry("google-vertex", "google-vertex-ai"),
          Map.entry("gcp-vertex", "google-vertex-ai"),
          Map.entry("google-vertex-ai", "google-vertex-ai"),
          Map.entry("codex", "codex"),
          Map.entry("copilot", "copilot"),
          Map.entry("opencode", "opencode"),
          Map.entry("generic", "generic"),
          Map.entry("outlook", "outlook"),
          Map.entry("openai", "openai"),
          Map.entry("anthropic", "anthropic"),
          Map.entry("nvidia", "nvidia"),
          Map.entry("deepinfra", "deepinfra"),
          Map.entry("aws-bedrock", "aws-bedrock"));

  private ProviderTypes() {}

  /** True when {@code id} is a canonical profile id: lower-case kebab-case, non-empty. */
  public static boolean isValidProfileId(String id) {
    // ^[a-z0-9]+(-[a-z0-9]+)*$ without a regex: runs of [a-z0-9] joined by single '-'.
    if (id.isEmpty() || id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
      return false;
    }
    char previous = ' ';
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (c != '-' || previous == '-')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /**
   * {@code normalize_profile_id}: trims and lower-cases, then requires the canonical form. {@code "
   * Alex-API "} gives {@code alex-api}; {@code alex_api} gives nothing.
   */
  public static Optional<String> normalizeProfileId(String input) {
    String v = input.trim().toLowerCase(Locale.ROOT);
    return isValidProfileId(v) ? Optional.of(v) : Optional.empty();
  }

  /**
   * {@code normalize_provider_type(type).unwrap_or(type)}: the alias target of a known alias
   * (trimmed, ASCII case-insensitive), else the type exactly as written. OpenShell's profile
   * fan-out matches providers to the candidate profile this way (grpc/provider.rs:3117-3131).
   */
  public static String aliasOrAsWritten(String type) {
    String alias = ALIASES.get(type.trim().toLowerCase(Locale.ROOT));
    return alias != null ? alias : type;
  }

  /**
   * The profile id a provider {@code type} resolves to: a known alias first ({@code gh} → {@code
   * github}), else the trimmed type itself, normalised. Empty when the type can name no profile.
   */
  public static Optional<String> profileIdForType(String type) {
    String trimmed = type.trim();
    String alias = ALIASES.get(trimmed.toLowerCase(Locale.ROOT));
    return normalizeProfileId(alias != null ? alias : trimmed);
  }
}
