package io.openshell.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.OpenShellSettingsSpec;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderSpec;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxSpec;
import io.openshell.crds.v1alpha1.SecretReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Builders for objects in unit tests, and an in-memory indexed cache. */
public final class TestObjects {
  private TestObjects() {}

  public static Sandbox sandbox(String ns, String name, String... providers) {
    Sandbox s = new Sandbox();
    s.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(ns)
            .withName(name)
            .withGeneration(1L)
            .withResourceVersion("1")
            .build());
    SandboxSpec spec = new SandboxSpec();
    spec.setProviders(new ArrayList<>(List.of(providers)));
    s.setSpec(spec);
    return s;
  }

  public static Provider provider(String ns, String name, String type, String secret) {
    Provider p = new Provider();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(ns)
            .withName(name)
            .withGeneration(1L)
            .withResourceVersion("7")
            .withUid("uid-" + name)
            .build());
    ProviderSpec spec = new ProviderSpec();
    spec.setType(type);
    if (secret != null) {
      spec.setCredentialsSecretRef(new SecretReference(secret));
    }
    p.setSpec(spec);
    return p;
  }

  public static Secret secret(String ns, String name, String... keys) {
    Map<String, String> data = new LinkedHashMap<>();
    for (String k : keys) {
      data.put(k, "c2VjcmV0");
    }
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withResourceVersion("9")
        .endMetadata()
        .withData(data)
        .build();
  }

  public static OpenShellSettings settings(boolean v2, long generation) {
    OpenShellSettings s = new OpenShellSettings();
    s.setMetadata(new ObjectMetaBuilder().withName("cluster").withGeneration(generation).build());
    OpenShellSettingsSpec spec = new OpenShellSettingsSpec();
    spec.setProvidersV2Enabled(v2);
    s.setSpec(spec);
    return s;
  }

  /** An in-memory {@link IndexedResourceCache} with the given indexers. */
  public static final class FakeCache<T extends HasMetadata> implements IndexedResourceCache<T> {
    private final Map<ResourceID, T> items = new LinkedHashMap<>();
    private final Map<String, Function<T, List<String>>> indexers = new HashMap<>();

    public FakeCache<T> index(String name, Function<T, List<String>> indexer) {
      indexers.put(name, indexer);
      return this;
    }

    @SafeVarargs
    public final FakeCache<T> with(T... objects) {
      for (T o : objects) {
        items.put(ResourceID.fromResource(o), o);
      }
      return this;
    }

    @Override
    public List<T> byIndex(String indexName, String indexKey) {
      return items.values().stream()
          .filter(o -> indexers.get(indexName).apply(o).contains(indexKey))
          .toList();
    }

    @Override
    public Optional<T> get(ResourceID id) {
      return Optional.ofNullable(items.get(id));
    }

    @Override
    public Stream<ResourceID> keys() {
      return items.keySet().stream();
    }

    @Override
    public Stream<T> list(Predicate<T> predicate) {
      return items.values().stream().filter(predicate);
    }

    @Override
    public Stream<T> list(String namespace, Predicate<T> predicate) {
      return list(predicate).filter(o -> namespace.equals(o.getMetadata().getNamespace()));
    }
  }
}
