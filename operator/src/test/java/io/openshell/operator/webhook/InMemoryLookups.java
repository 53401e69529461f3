package io.openshell.operator.webhook;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.openshell.crds.resolve.InMemorySandboxLookups;
import io.openshell.crds.resolve.SecretKeys;
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
import java.util.Optional;

/** Admission lookups over a mutable set of objects loaded from a YAML file. */
final class InMemoryLookups implements AdmissionLookups {
  final List<HasMetadata> objects = new ArrayList<>();
  private final InMemorySandboxLookups view = new InMemorySandboxLookups(objects);

  static InMemoryLookups load(String resource) {
    InMemoryLookups lookups = new InMemoryLookups();
    try (InputStream in = InMemoryLookups.class.getResourceAsStream(resource)) {
      lookups.objects.addAll(
          InMemorySandboxLookups.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lookups;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return view.find(type, namespace, name);
  }

  void remove(Class<? extends HasMetadata> type, String name) {
    objects.removeIf(o -> type.isInstance(o) && name.equals(o.getMetadata().getName()));
  }

  @Override
  public Optional<Provider> provider(String namespace, String name) {
    return view.provider(namespace, name);
  }

  @Override
  public Optional<SecretKeys> credentialsSecret(String namespace, String name) {
    return view.credentialsSecret(namespace, name);
  }

  @Override
  public Collection<ProviderProfile> profiles() {
    return view.profiles();
  }

  @Override
  public Optional<OpenShellSettings> settings() {
    return view.settings();
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
