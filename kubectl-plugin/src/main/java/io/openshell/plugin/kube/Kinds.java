package io.openshell.plugin.kube;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The operator's kinds (API group {@code openshell.io/v1alpha1}) as the plugin addresses them. */
public final class Kinds {
  public static final String GROUP = "openshell.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final ResourceDefinitionContext PROVIDER_PROFILE =
      context("ProviderProfile", "providerprofiles", false);
  public static final ResourceDefinitionContext PROVIDER = context("Provider", "providers", true);
  public static final ResourceDefinitionContext SANDBOX = context("Sandbox", "sandboxes", true);
  public static final ResourceDefinitionContext SETTINGS =
      context("OpenShellSettings", "openshellsettings", false);

  /** The settings singleton's name. */
  public static final String SETTINGS_NAME = "cluster";

  /** Label that marks built-in profiles ({@code builtin}). */
  public static final String SOURCE_LABEL = "openshell.io/source";

  private Kinds() {}

  private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion(VERSION)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }
}
