package io.openshell.operator.profile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.openshell.crds.resolve.ProviderRecords;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.resolve.ProviderIndexes;
import io.openshell.operator.resolve.SandboxIndexes;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who uses a profile, from the profile controller's provider and sandbox caches. */
final class ProfileUsers {
  private ProfileUsers() {}

  /**
   * The sandboxes that attach an existing provider of this profile, as the minimal inputs
   * policy-core's in-use rule reads (names and provider types).
   */
  static List<SandboxInputs> of(
      String id,
      InformerEventSource<Provider, ProviderProfile> providers,
      InformerEventSource<Sandbox, ProviderProfile> sandboxes,
      Instant now) {
    Map<ResourceID, Map<String, ProviderRecord>> bySandbox = new LinkedHashMap<>();
    Map<ResourceID, List<String>> attached = new HashMap<>();
    for (Provider p : providers.byIndex(ProviderIndexes.BY_PROFILE, id)) {
      String ns = p.getMetadata().getNamespace();
      for (Sandbox s :
          sandboxes.byIndex(
              SandboxIndexes.BY_PROVIDER,
              SandboxIndexes.providerKey(ns, p.getMetadata().getName()))) {
        ResourceID sid = ResourceID.fromResource(s);
        bySandbox
            .computeIfAbsent(sid, k -> new LinkedHashMap<>())
            .put(p.getMetadata().getName(), ProviderRecords.of(p, Optional.empty()).value());
        attached.computeIfAbsent(sid, k -> new ArrayList<>()).add(p.getMetadata().getName());
      }
    }
    List<SandboxInputs> out = new ArrayList<>();
    ProfileCatalog none = ProfileCatalog.of(List.of());
    bySandbox.forEach(
        (sid, records) ->
            out.add(
                new SandboxInputs(
                    sid.getNamespace().orElse(""),
                    sid.getName(),
                    Optional.empty(),
                    attached.get(sid),
                    records,
                    none,
                    Settings.DEFAULTS,
                    now)));
    return out;
  }
}
