package io.openshell.operator.settings;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.Set;

/** Any sandbox changed (created, re-composed, deleted) → the settings singleton's counts. */
public final class SandboxToSettingsMapper implements SecondaryToPrimaryMapper<Sandbox> {
  private static final Set<ResourceID> SINGLETON = Set.of(new ResourceID(SettingsNames.SINGLETON));

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Sandbox sandbox) {
    return SINGLETON;
  }
}
