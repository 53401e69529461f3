package io.openshell.operator.resolve;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The informer store of credentials Secrets: it keeps metadata and key names but replaces every
 * value with an empty string, so credential values never sit in the operator's cache (the operator
 * only ever needs the names and the {@code resourceVersion}).
 */
public final class KeyNamesOnlySecretStore implements ItemStore<Secret> {
  private final BasicItemStore<Secret> delegate = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

  /** A copy of {@code secret} with its values blanked. */
  public static Secret keyNamesOnly(Secret secret) {
    return new SecretBuilder(secret)
        .withData(blank(secret.getData()))
        .withStringData(blank(secret.getStringData()))
        .build();
  }

  private static Map<String, String> blank(Map<String, String> values) {
    if (values == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    values.keySet().forEach(k -> out.put(k, ""));
    return out;
  }

  @Override
  public String getKey(Secret secret) {
    return delegate.getKey(secret);
  }

  @Override
  public Secret put(String key, Secret secret) {
    return delegate.put(key, keyNamesOnly(secret));
  }

  @Override
  public Secret remove(String key) {
    return delegate.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return delegate.keySet();
  }

  @Override
  public Stream<Secret> values() {
    return delegate.values();
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public Secret get(String key) {
    return delegate.get(key);
  }
}
