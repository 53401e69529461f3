package io.openshell.policy.lint;

import io.openshell.policy.model.AdditionalOutput;
import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.CredentialRefresh;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.RefreshMaterial;
import io.openshell.policy.model.RefreshStrategy;
import io.openshell.policy.model.TokenGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Profile fixtures for the lint tests. */
final class Profiles {
  private Profiles() {}

  /** A mutable profile under construction. */
  static final class P {
    String id;
    long resourceVersion = 0;
    final List<CredentialProfile> credentials = new ArrayList<>();
    final List<String> discovery = new ArrayList<>();
    final List<NetworkEndpoint> endpoints = new ArrayList<>();
    final List<NetworkBinary> binaries = new ArrayList<>();

    P credential(CredentialProfile c) {
      credentials.add(c);
      return this;
    }

    P discovery(String name) {
      discovery.add(name);
      return this;
    }

    P endpoint(NetworkEndpoint ep) {
      endpoints.add(ep);
      return this;
    }

    P binary(String path) {
      binaries.add(NetworkBinary.of(path));
      return this;
    }

    P resourceVersion(long rv) {
      resourceVersion = rv;
      return this;
    }

    ProviderProfile build() {
      return new ProviderProfile(
          id,
          resourceVersion,
          Map.of(),
          "Display " + id,
          "",
          ProfileCategory.OTHER,
          false,
          credentials,
          discovery,
          endpoints,
          binaries);
    }
  }

  static P profile(String id) {
    P p = new P();
    p.id = id;
    return p;
  }

  static CredentialProfile cred(String name, String... envVars) {
    return new CredentialProfile(
        name, "", List.of(envVars), true, "", "", "", "", Optional.empty(), Optional.empty());
  }

  static CredentialProfile auth(
      CredentialProfile c, String style, String header, String query, String path) {
    return new CredentialProfile(
        c.name(),
        "",
        c.envVars(),
        c.required(),
        style,
        header,
        query,
        path,
        c.refresh(),
        c.tokenGrant());
  }

  static CredentialProfile withRefresh(CredentialProfile c, CredentialRefresh r) {
    return new CredentialProfile(
        c.name(),
        "",
        c.envVars(),
        c.required(),
        c.authStyle(),
        c.headerName(),
        c.queryParam(),
        c.pathTemplate(),
        Optional.of(r),
        c.tokenGrant());
  }

  static CredentialProfile withGrant(CredentialProfile c, TokenGrant g) {
    return new CredentialProfile(
        c.name(),
        "",
        c.envVars(),
        c.required(),
        c.authStyle(),
        c.headerName(),
        c.queryParam(),
        c.pathTemplate(),
        c.refresh(),
        Optional.of(g));
  }

  static CredentialRefresh refresh(RefreshStrategy s, AdditionalOutput... outputs) {
    return new CredentialRefresh(s, "", List.of(), 0, 0, List.of(), List.of(outputs));
  }

  static CredentialRefresh refresh(
      RefreshStrategy s, long before, long max, List<RefreshMaterial> material) {
    return new CredentialRefresh(s, "", List.of(), before, max, material, List.of());
  }

  static TokenGrant grant(String tokenEndpoint, AudienceOverride... overrides) {
    return new TokenGrant(
        tokenEndpoint,
        "aud",
        "",
        TokenGrant.DEFAULT_CLIENT_ASSERTION_TYPE,
        List.of(),
        0,
        List.of(overrides));
  }

  static AudienceOverride override(String host, int port, String path, String audience) {
    return new AudienceOverride(
        host.isEmpty() ? Optional.empty() : Optional.of(host),
        port,
        path.isEmpty() ? Optional.empty() : Optional.of(path),
        audience,
        List.of());
  }

  /** The standard aws credentials: primary with aws_sts_assume_role and its two outputs. */
  static List<CredentialProfile> awsCredentials(AdditionalOutput... outputs) {
    return List.of(
        withRefresh(
            cred("access_key_id", "AWS_ACCESS_KEY_ID"),
            refresh(RefreshStrategy.AWS_STS_ASSUME_ROLE, outputs)),
        cred("secret_access_key", "AWS_SECRET_ACCESS_KEY"),
        cred("session_token", "AWS_SESSION_TOKEN"));
  }

  static AdditionalOutput out(String output, String credential) {
    return new AdditionalOutput(output, credential);
  }
}
