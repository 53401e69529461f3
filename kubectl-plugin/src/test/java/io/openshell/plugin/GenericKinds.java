package io.openshell.plugin;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.openshell.plugin.kube.Kinds;

/**
 * The operator's kinds as generic resources, for tests that write objects the way a user or the
 * operator would (raw maps, including shapes the typed beans would not produce).
 */
public final class GenericKinds {
  public static final ResourceDefinitionContext PROVIDER_PROFILE =
      context("ProviderProfile", "providerprofiles", false);
  public static final ResourceDefinitionContext PROVIDER = context("Provider", "providers", true);
  public static final ResourceDefinitionContext SANDBOX = context("Sandbox", "sandboxes", true);
  public static final ResourceDefinitionContext SETTINGS =
      context("OpenShellSettings", "openshellsettings", false);

  private GenericKinds() {}

  private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(Kinds.GROUP)
        .withVersion(Kinds.VERSION)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }
}
