package io.openshell.crds.convert;

import static io.openshell.crds.convert.Values.bool;
import static io.openshell.crds.convert.Values.list;
import static io.openshell.crds.convert.Values.mapList;
import static io.openshell.crds.convert.Values.num;
import static io.openshell.crds.convert.Values.opt;
import static io.openshell.crds.convert.Values.optMapList;
import static io.openshell.crds.convert.Values.str;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.openshell.crds.v1alpha1.AdditionalOutputSpec;
import io.openshell.crds.v1alpha1.AudienceOverrideSpec;
import io.openshell.crds.v1alpha1.CredentialSpec;
import io.openshell.crds.v1alpha1.DiscoverySpec;
import io.openshell.crds.v1alpha1.NetworkEndpointSpec;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.ProviderProfileSpec;
import io.openshell.crds.v1alpha1.RefreshMaterialSpec;
import io.openshell.crds.v1alpha1.RefreshSpec;
import io.openshell.crds.v1alpha1.TokenGrantSpec;
import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.model.AdditionalOutput;
import io.openshell.policy.model.AudienceOverride;
import io.openshell.policy.model.CredentialProfile;
import io.openshell.policy.model.CredentialRefresh;
import io.openshell.policy.model.NetworkBinary;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.ProfileCategory;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.RefreshMaterial;
import io.openshell.policy.model.RefreshStrategy;
import io.openshell.policy.model.TokenGrant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ProviderProfile} CR (name, annotations, spec) ↔ policy-core's {@link
 * io.openshell.policy.model.ProviderProfile}.
 *
 * <ul>
 *   <li>The id is {@code metadata.name}; OpenShell's {@code annotations} are {@code
 *       metadata.annotations} minus Kubernetes' own ({@code *.kubernetes.io/}, {@code *.k8s.io/}
 *       prefixes, such as kubectl's last-applied-configuration).
 *   <li>OpenShell's {@code resource_version} is the CR's {@code metadata.generation} (api.md);
 *       built-ins (label {@code openshell.io/source: builtin}) have none ({@code 0}). The model →
 *       CR direction does not write it: the API server owns {@code generation}.
 *   <li>Binaries are paths; OpenShell's deprecated {@code harness} flag is dropped with a warning.
 *   <li>An unknown category or refresh strategy, which the model's enums cannot hold, is an error
 *       with OpenShell's parse message, never a silent default.
 * </ul>
 */
public final class ProfileConverter {
  private ProfileConverter() {}

  /** The profile a CR describes. */
  public static Conversion<io.openshell.policy.model.ProviderProfile> toModel(ProviderProfile cr) {
    List<Violation> out = new ArrayList<>();
    ObjectMeta meta = cr.getMetadata() == null ? new ObjectMeta() : cr.getMetadata();
    ProviderProfileSpec spec = cr.getSpec() == null ? new ProviderProfileSpec() : cr.getSpec();

    String rawCategory = str(spec.getCategory());
    ProfileCategory category = ProfileCategory.parse(rawCategory).orElse(null);
    if (category == null) {
      out.add(
          Violation.error(
              ViolationCode.PARSE_ERROR,
              "category",
              "unsupported provider profile category: " + rawCategory));
      category = ProfileCategory.OTHER;
    }
    List<CredentialProfile> credentials = new ArrayList<>();
    for (CredentialSpec c : list(spec.getCredentials())) {
      credentials.add(credentialToModel(c, out));
    }
    List<NetworkEndpoint> endpoints = new ArrayList<>();
    List<NetworkEndpointSpec> endpointSpecs = list(spec.getEndpoints());
    for (int i = 0; i < endpointSpecs.size(); i++) {
      endpoints.add(
          EndpointConverter.toModel(
              endpointSpecs.get(i), ViolationCode.INVALID_PROFILE, "endpoints[" + i + "]", out));
    }
    boolean builtin =
        meta.getLabels() != null
            && ProfileSource.BUILTIN
                .label()
                .equals(meta.getLabels().get(ProviderProfile.SOURCE_LABEL));
    long resourceVersion = builtin || meta.getGeneration() == null ? 0 : meta.getGeneration();
    var profile =
        new io.openshell.policy.model.ProviderProfile(
            str(meta.getName()),
            resourceVersion,
            openShellAnnotations(meta.getAnnotations()),
            str(spec.getDisplayName()),
            str(spec.getDescription()),
            category,
            bool(spec.getInferenceCapable()),
            credentials,
            spec.getDiscovery() == null ? List.of() : list(spec.getDiscovery().getCredentials()),
            endpoints,
            mapList(spec.getBinaries(), p -> NetworkBinary.of(str(p))));
    return new Conversion<>(profile, out);
  }

  /** The CR for a profile: name = id, annotations = OpenShell's annotations. */
  public static Conversion<ProviderProfile> toResource(
      io.openshell.policy.model.ProviderProfile p) {
    List<Violation> out = new ArrayList<>();
    ProviderProfile cr = new ProviderProfile();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(p.id());
    if (!p.annotations().isEmpty()) {
      meta.setAnnotations(new LinkedHashMap<>(p.annotations()));
    }
    cr.setMetadata(meta);
    ProviderProfileSpec s = new ProviderProfileSpec();
    s.setDisplayName(p.displayName());
    s.setDescription(opt(p.description()));
    s.setCategory(p.category().yamlName());
    s.setInferenceCapable(opt(p.inferenceCapable()));
    s.setCredentials(optMapList(p.credentials(), ProfileConverter::credentialToSpec));
    if (!p.discoveryCredentials().isEmpty()) {
      s.setDiscovery(new DiscoverySpec(new ArrayList<>(p.discoveryCredentials())));
    }
    s.setEndpoints(optMapList(p.endpoints(), EndpointConverter::toSpec));
    List<String> binaries = new ArrayList<>();
    for (int i = 0; i < p.binaries().size(); i++) {
      NetworkBinary b = p.binaries().get(i);
      if (b.harness()) {
        out.add(
            PolicyConverter.harnessDropped(
                ViolationCode.INVALID_PROFILE, "binaries[" + i + "]", b));
      }
      binaries.add(b.path());
    }
    s.setBinaries(binaries.isEmpty() ? null : binaries);
    cr.setSpec(s);
    return new Conversion<>(cr, out);
  }

  /** Kubernetes' own annotations are not OpenShell profile annotations. */
  static Map<String, String> openShellAnnotations(Map<String, String> annotations) {
    Map<String, String> out = new LinkedHashMap<>();
    if (annotations != null) {
      annotations.forEach(
          (k, v) -> {
            if (!isKubernetesAnnotation(k)) {
              out.put(k, v == null ? "" : v);
            }
          });
    }
    return out;
  }

  static boolean isKubernetesAnnotation(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String prefix = key.substring(0, slash);
    return prefix.equals("kubernetes.io")
        || prefix.endsWith(".kubernetes.io")
        || prefix.equals("k8s.io")
        || prefix.endsWith(".k8s.io");
  }

  private static CredentialProfile credentialToModel(CredentialSpec c, List<Violation> out) {
    return new CredentialProfile(
        str(c.getName()),
        str(c.getDescription()),
        list(c.getEnvVars()),
        bool(c.getRequired()),
        str(c.getAuthStyle()),
        str(c.getHeaderName()),
        str(c.getQueryParam()),
        str(c.getPathTemplate()),
        Optional.ofNullable(c.getRefresh()).map(r -> refreshToModel(r, out)),
        Optional.ofNullable(c.getTokenGrant()).map(ProfileConverter::tokenGrantToModel));
  }

  private static CredentialSpec credentialToSpec(CredentialProfile c) {
    CredentialSpec s = new CredentialSpec();
    s.setName(c.name());
    s.setDescription(opt(c.description()));
    s.setEnvVars(opt(c.envVars()));
    s.setRequired(opt(c.required()));
    s.setAuthStyle(opt(c.authStyle()));
    s.setHeaderName(opt(c.headerName()));
    s.setQueryParam(opt(c.queryParam()));
    s.setPathTemplate(opt(c.pathTemplate()));
    s.setRefresh(c.refresh().map(ProfileConverter::refreshToSpec).orElse(null));
    s.setTokenGrant(c.tokenGrant().map(ProfileConverter::tokenGrantToSpec).orElse(null));
    return s;
  }

  private static CredentialRefresh refreshToModel(RefreshSpec r, List<Violation> out) {
    RefreshStrategy strategy = RefreshStrategy.UNSPECIFIED;
    if (r.getStrategy() != null && !r.getStrategy().isBlank()) {
      Optional<RefreshStrategy> parsed = RefreshStrategy.parse(r.getStrategy());
      if (parsed.isPresent()) {
        strategy = parsed.get();
      } else {
        out.add(
            Violation.error(
                ViolationCode.PARSE_ERROR,
                "credentials.refresh.strategy",
                "unsupported provider refresh strategy: " + r.getStrategy()));
      }
    }
    return new CredentialRefresh(
        strategy,
        str(r.getTokenUrl()),
        list(r.getScopes()),
        num(r.getRefreshBeforeSeconds()),
        num(r.getMaxLifetimeSeconds()),
        mapList(
            r.getMaterial(),
            m ->
                new RefreshMaterial(
                    str(m.getName()),
                    str(m.getDescription()),
                    bool(m.getRequired()),
                    bool(m.getSecret()))),
        mapList(
            r.getAdditionalOutputs(),
            o -> new AdditionalOutput(str(o.getOutput()), str(o.getCredential()))));
  }

  private static RefreshSpec refreshToSpec(CredentialRefresh r) {
    RefreshSpec s = new RefreshSpec();
    s.setStrategy(opt(r.strategy().yamlName()));
    s.setTokenUrl(opt(r.tokenUrl()));
    s.setScopes(opt(r.scopes()));
    s.setRefreshBeforeSeconds(opt(r.refreshBeforeSeconds()));
    s.setMaxLifetimeSeconds(opt(r.maxLifetimeSeconds()));
    s.setMaterial(
        optMapList(
            r.material(),
            m -> {
              RefreshMaterialSpec ms = new RefreshMaterialSpec();
              ms.setName(opt(m.name()));
              ms.setDescription(opt(m.description()));
              ms.setRequired(opt(m.required()));
              ms.setSecret(opt(m.secret()));
              return ms;
            }));
    s.setAdditionalOutputs(
        optMapList(
            r.additionalOutputs(),
            o -> {
              AdditionalOutputSpec os = new AdditionalOutputSpec();
              os.setOutput(opt(o.output()));
              os.setCredential(opt(o.credential()));
              return os;
            }));
    return s;
  }

  private static TokenGrant tokenGrantToModel(TokenGrantSpec t) {
    return new TokenGrant(
        str(t.getTokenEndpoint()),
        str(t.getAudience()),
        str(t.getJwtSvidAudience()),
        str(t.getClientAssertionType()),
        list(t.getScopes()),
        num(t.getCacheTtlSeconds()),
        mapList(
            t.getAudienceOverrides(),
            a ->
                new AudienceOverride(
                    Optional.ofNullable(a.getHost()),
                    num(a.getPort()),
                    Optional.ofNullable(a.getPath()),
                    str(a.getAudience()),
                    list(a.getScopes()))));
  }

  private static TokenGrantSpec tokenGrantToSpec(TokenGrant t) {
    TokenGrantSpec s = new TokenGrantSpec();
    s.setTokenEndpoint(t.tokenEndpoint());
    s.setAudience(opt(t.audience()));
    s.setJwtSvidAudience(opt(t.jwtSvidAudience()));
    s.setClientAssertionType(opt(t.clientAssertionType()));
    s.setScopes(opt(t.scopes()));
    s.setCacheTtlSeconds(opt(t.cacheTtlSeconds()));
    s.setAudienceOverrides(
        optMapList(
            t.audienceOverrides(),
            a -> {
              AudienceOverrideSpec as = new AudienceOverrideSpec();
              as.setHost(a.host().orElse(null));
              as.setPort(opt(a.port()));
              as.setPath(a.path().orElse(null));
              as.setAudience(a.audience());
              as.setScopes(opt(a.scopes()));
              return as;
            }));
    return s;
  }
}
