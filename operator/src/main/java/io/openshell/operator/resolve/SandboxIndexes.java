package io.openshell.operator.resolve;

import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.List;
import java.util.function.Function;

/** Cache indexes over Sandboxes, so watch edges find the sandboxes of a provider without scans. */
public final class SandboxIndexes {
  private SandboxIndexes() {}

  /** Sandboxes by {@code <namespace>/<attached provider name>}. */
  public static final String BY_PROVIDER = "sandboxesByProvider";

  /** The index function of {@link #BY_PROVIDER}. */
  public static final Function<Sandbox, List<String>> BY_PROVIDER_FUNCTION =
      sandbox ->
          SandboxInputsResolver.attachedProviders(sandbox).stream()
              .map(p -> providerKey(sandbox.getMetadata().getNamespace(), p))
              .toList();

  /** The {@link #BY_PROVIDER} key of a provider. */
  public static String providerKey(String namespace, String provider) {
    return namespace + "/" + provider;
  }
}
