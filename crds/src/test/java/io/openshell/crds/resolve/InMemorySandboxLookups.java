package io.openshell.crds.resolve;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SandboxLookups} over a fixed list of plain objects, read the way every real implementation
 * must read them (Secrets through {@link SecretKeys#ofCredentialsSecret}).
 */
public final class InMemorySandboxLookups implements SandboxLookups {
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "ProviderProfile", ProviderProfile.class,
          "Provider", Provider.class,
          "Sandbox", Sandbox.class,
          "OpenShellSettings", OpenShellSettings.class,
          "Secret", Secret.class);

  private final List<HasMetadata> objects;

  /** Lookups over {@code objects}, a live view: later changes to the list are seen. */
  public InMemorySandboxLookups(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /** The typed objects of a multi-document YAML text ({@code ---} separated). */
  public static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      Object kind = Serialization.unmarshal(doc, Map.class).get("kind");
      Class<? extends HasMetadata> type = KINDS.get(String.valueOf(kind));
      if (type == null) {
        throw new IllegalArgumentException("unknown kind in test objects: " + kind);
      }
      out.add(Serialization.unmarshal(doc, type));
    }
    return out;
  }

  /** The object of {@code type} named {@code name} (in {@code namespace} unless it is null). */
  public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
        .findFirst();
  }

  @Override
  public Optional<Provider> provider(String namespace, String name) {
    return find(Provider.class, namespace, name);
  }

  @Override
  public Optional<SecretKeys> credentialsSecret(String namespace, String name) {
    return find(Secret.class, namespace, name).flatMap(SecretKeys::ofCredentialsSecret);
  }

  @Override
  public Collection<ProviderProfile> profiles() {
    return objects.stream()
        .filter(ProviderProfile.class::isInstance)
        .map(ProviderProfile.class::cast)
        .toList();
  }

  @Override
  public Optional<OpenShellSettings> settings() {
    return find(OpenShellSettings.class, null, "cluster");
  }
}
