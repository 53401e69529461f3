package io.openshell.operator.sandbox;

import io.openshell.crds.resolve.ProviderRecords;
import io.openshell.crds.resolve.SandboxInputsResolver;
import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.resolve.SecretKeys;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * Attached providers whose credentials Secret is missing or not labelled (reliability-2 F6, bad
 * input L1): the Provider says {@code SecretNotFound}, and the sandbox must say it too. Their
 * layers stay (composition reads profiles, never credential values; see docs/operator-decisions.md
 * on why this is not widened access) but the sandbox is {@code ProvidersResolved=False} and not
 * {@code Ready}.
 */
final class CredentialGaps {
  private CredentialGaps() {}

  /** One message per attached provider whose referenced Secret the operator cannot see. */
  static List<String> of(Sandbox sandbox, SandboxLookups lookups) {
    String namespace = sandbox.getMetadata().getNamespace();
    List<String> gaps = new ArrayList<>();
    for (String name : SandboxInputsResolver.attachedProviders(sandbox)) {
      Provider provider = lookups.provider(namespace, name).orElse(null);
      if (provider == null) {
        continue; // reported as not found
      }
      ProviderRecords.secretName(provider)
          .filter(secret -> lookups.credentialsSecret(namespace, secret).isEmpty())
          .ifPresent(
              secret ->
                  gaps.add(
                      "provider '"
                          + name
                          + "' has no credentials: "
                          + SecretKeys.unusableMessage(secret)));
    }
    return gaps;
  }
}
