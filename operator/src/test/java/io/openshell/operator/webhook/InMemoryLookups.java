package io.openshell.operator.webhook;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Admission (and sandbox) lookups over a fixed set of objects loaded from YAML. */
public final class InMemoryLookups implements AdmissionLookups {
  final List<HasMetadata> objects = new ArrayList<>();

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "ProviderProfile", ProviderProfile.class,
          "Provider", Provider.class,
          "Sandbox", Sandbox.class,
          "OpenShellSettings", OpenShellSettings.class,
          "Secret", Secret.class);

  static InMemoryLookups load(String resource) {
    try (InputStream in = InMemoryLookups.class.getResourceAsStream(resource)) {
      return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of {@code yaml}: one or more {@code ---}-separated documents of known kinds. */
  public static InMemoryLookups of(String yaml) {
    InMemoryLookups lookups = new InMemoryLookups();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      String kind = Serialization.unmarshal(doc, Map.class).get("kind").toString();
      lookups.objects.add(Serialization.unmarshal(doc, KINDS.get(kind)));
    }
    return lookups;
  }

  /** Every loaded object of {@code type}. */
  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return all(type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()))
        .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
        .findFirst();
  }

  void remove(Class<? extends HasMetadata> type, String name) {
    objects.removeIf(o -> type.isInstance(o) && name.equals(o.getMetadata().getName()));
  }

  @Override
  public Optional<Provider> provider(String namespace, String name) {
    return find(Provider.class, namespace, name);
  }

  @Override
  public Optional<Secret> credentialsSecret(String namespace, String name) {
    return find(Secret.class, namespace, name);
  }

  @Override
  public Collection<ProviderProfile> profiles() {
    return all(ProviderProfile.class);
  }

  @Override
  public Optional<OpenShellSettings> settings() {
    return find(OpenShellSettings.class, null, "cluster");
  }

  @Override
  public List<Sandbox> sandboxes() {
    return all(Sandbox.class);
  }

  @Override
  public List<Provider> providers() {
    return all(Provider.class);
  }
}
