package io.openshell.operator.profile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.operator.Labels;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.ProfileSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the 13 built-in ProviderProfile objects as policy-core defines them: creates them at
 * start-up, restores spec drift and a removed {@code openshell.io/source: builtin} label, and
 * re-creates one that was deleted.
 */
public final class BuiltinProfileInstaller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BuiltinProfileInstaller.class);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final int RECREATE_ATTEMPTS = 60;

  private final KubernetesClient client;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "openshell-builtin-profiles");
            t.setDaemon(true);
            return t;
          });

  public BuiltinProfileInstaller(KubernetesClient client) {
    this.client = client;
  }

  /** The object a built-in profile should be. */
  public static ProviderProfile desired(CatalogEntry entry) {
    ProviderProfile object = new ProviderProfile();
    Map<String, String> annotations = new LinkedHashMap<>(entry.profile().annotations());
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName(entry.id())
            .addToLabels(Labels.SOURCE, ProfileSource.BUILTIN.label())
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .withAnnotations(annotations.isEmpty() ? null : annotations)
            .build());
    object.setSpec(ProfileConverter.toResource(entry.profile()).value().getSpec());
    return object;
  }

  /** Creates every missing built-in and restores every drifted one. */
  public void installAll() {
    for (CatalogEntry entry : BuiltinProfiles.all()) {
      ProviderProfile actual = client.resources(ProviderProfile.class).withName(entry.id()).get();
      if (actual == null) {
        create(entry);
      } else if (drifted(actual)) {
        restore(actual);
      }
    }
  }

  /**
   * True when a built-in object's source label is missing or its spec means something else than
   * policy-core's built-in. Compared as policy-core records, so API-server defaulting or empty
   * versus absent lists are not drift (and cannot cause a restore loop); annotations are not part
   * of the comparison.
   */
  public static boolean drifted(ProviderProfile actual) {
    var builtin = BuiltinProfiles.get(actual.getMetadata().getName());
    if (builtin.isEmpty()) {
      return false;
    }
    var labels = actual.getMetadata().getLabels();
    boolean labelled =
        labels != null && ProfileSource.BUILTIN.label().equals(labels.get(Labels.SOURCE));
    var conversion = ProfileConverter.toModel(actual);
    return !labelled
        || conversion.hasErrors()
        || !comparable(conversion.value()).equals(comparable(builtin.get()));
  }

  private static io.openshell.policy.model.ProviderProfile comparable(
      io.openshell.policy.model.ProviderProfile p) {
    return new io.openshell.policy.model.ProviderProfile(
        p.id(),
        0,
        Map.of(),
        p.displayName(),
        p.description(),
        p.category(),
        p.inferenceCapable(),
        p.credentials(),
        p.discoveryCredentials(),
        p.endpoints(),
        p.binaries());
  }

  /** Puts the built-in spec and label back on {@code actual} (an update, so it is a real write). */
  public void restore(ProviderProfile actual) {
    var entry =
        BuiltinProfiles.all().stream()
            .filter(e -> e.id().equals(actual.getMetadata().getName()))
            .findFirst()
            .orElseThrow();
    ProviderProfile want = desired(entry);
    ProviderProfile copy = JSON.clone(actual);
    copy.setSpec(want.getSpec());
    Map<String, String> labels =
        new LinkedHashMap<>(
            copy.getMetadata().getLabels() == null ? Map.of() : copy.getMetadata().getLabels());
    labels.putAll(want.getMetadata().getLabels());
    copy.getMetadata().setLabels(labels);
    client.resource(copy).update();
    LOG.atInfo().addKeyValue("profile", entry.id()).log("built-in profile restored");
  }

  /** Re-creates built-in {@code id} once its deleted object is gone. */
  public void recreateWhenGone(String id) {
    schedule(id, 0);
  }

  private void schedule(String id, int attempt) {
    scheduler.schedule(
        () -> {
          ProviderProfile actual = client.resources(ProviderProfile.class).withName(id).get();
          if (actual == null) {
            BuiltinProfiles.all().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .ifPresent(this::create);
          } else if (actual.getMetadata().getDeletionTimestamp() != null
              && attempt < RECREATE_ATTEMPTS) {
            schedule(id, attempt + 1);
          }
        },
        1,
        TimeUnit.SECONDS);
  }

  private void create(CatalogEntry entry) {
    try {
      client.resource(desired(entry)).create();
      LOG.atInfo().addKeyValue("profile", entry.id()).log("built-in profile created");
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
