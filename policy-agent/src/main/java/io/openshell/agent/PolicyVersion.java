package io.openshell.agent;

/**
 * One verified version of the effective policy, as the ConfigMap carried it.
 *
 * @param policyYaml the exact text of {@code data["policy.yaml"]}
 * @param metadataJson the exact text of {@code data["metadata.json"]}
 * @param policyHash {@code sha256:<hex>} of the UTF-8 bytes of {@code policyYaml}
 * @param policySource {@code Sandbox} or {@code Global}, as metadata.json says ("" when absent)
 * @param sandboxGeneration the Sandbox generation the operator composed (-1 when absent)
 * @param settingsGeneration the settings generation the operator composed (-1 when absent)
 * @param providerEnvRevision the provider environment revision ("" when absent)
 */
record PolicyVersion(
    String policyYaml,
    String metadataJson,
    String policyHash,
    String policySource,
    long sandboxGeneration,
    long settingsGeneration,
    String providerEnvRevision) {}
