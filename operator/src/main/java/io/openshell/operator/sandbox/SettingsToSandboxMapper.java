package io.openshell.operator.sandbox;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.settings.SettingsNames;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code cluster} settings changed → every sandbox (settings are gateway-global, §5.1). */
public final class SettingsToSandboxMapper implements SecondaryToPrimaryMapper<OpenShellSettings> {
  private final IndexedResourceCache<Sandbox> sandboxes;

  public SettingsToSandboxMapper(IndexedResourceCache<Sandbox> sandboxes) {
    this.sandboxes = sandboxes;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(OpenShellSettings settings) {
    if (!SettingsNames.SINGLETON.equals(settings.getMetadata().getName())) {
      return Set.of(); // only the singleton counts; other names are ignored
    }
    return sandboxes.list().map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
