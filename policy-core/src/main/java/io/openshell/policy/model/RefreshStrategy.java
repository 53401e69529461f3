package io.openshell.policy.model;

import java.util.Locale;
import java.util.Optional;

/** Credential refresh strategies (§2.4). The last four are minted by the gateway. */
public enum RefreshStrategy {
  /** No strategy given: lint reports "refresh strategy is required". */
  UNSPECIFIED(""),
  STATIC("static"),
  EXTERNAL("external"),
  OAUTH2_REFRESH_TOKEN("oauth2_refresh_token"),
  OAUTH2_CLIENT_CREDENTIALS("oauth2_client_credentials"),
  GOOGLE_SERVICE_ACCOUNT_JWT("google_service_account_jwt"),
  AWS_STS_ASSUME_ROLE("aws_sts_assume_role");

  private final String yamlName;

  RefreshStrategy(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** True for strategies the gateway can mint on its own (runtime-resolvable, §2.8). */
  public boolean isGatewayMintable() {
    return this == OAUTH2_REFRESH_TOKEN
        || this == OAUTH2_CLIENT_CREDENTIALS
        || this == GOOGLE_SERVICE_ACCOUNT_JWT
        || this == AWS_STS_ASSUME_ROLE;
  }

  /** Parses as OpenShell does: trimmed, lower-cased, {@code -} read as {@code _}. */
  public static Optional<RefreshStrategy> parse(String raw) {
    String v = raw.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (RefreshStrategy s : values()) {
      if (s.yamlName.equals(v)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
