package io.openshell.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Policy texts and ConfigMaps shaped like the operator's, with correct (or deliberately wrong)
 * hashes.
 */
final class Fixtures {
  static final String NAMESPACE = "team-a";
  static final String SANDBOX = "box";
  static final String CONFIGMAP = "openshell-policy-box";
  static final String POD = "box-pod";

  private Fixtures() {}

  /** A small OpenShell policy whose content varies with {@code n}. */
  static String policy(int n) {
    return "version: 1\n"
        + "network_policies:\n"
        + "  rule_"
        + n
        + ":\n"
        + "    name: rule-"
        + n
        + "\n"
        + "    endpoints:\n"
        + "      - host: api"
        + n
        + ".example.com\n"
        + "        port: 443\n";
  }

  static String metadata(String policyHash, long sandboxGeneration) {
    return "{\"policyHash\":\""
        + policyHash
        + "\",\"policySource\":\"Sandbox\",\"providerEnvRevision\":\"rev-"
        + sandboxGeneration
        + "\",\"providersV2Enabled\":true,\"sandboxGeneration\":"
        + sandboxGeneration
        + ",\"settingsGeneration\":3,\"layers\":[]}";
  }

  static Map<String, String> data(String policy, long generation) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("policy.yaml", policy);
    data.put("metadata.json", metadata(PolicyVerifier.hashOf(policy), generation));
    return data;
  }

  static Map<String, String> annotations(String policy) {
    return Map.of("openshell.io/policy-hash", PolicyVerifier.hashOf(policy));
  }

  /** The ConfigMap the operator would write for {@code policy}. */
  static ConfigMap configMap(String policy, long generation) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(CONFIGMAP)
        .withNamespace(NAMESPACE)
        .withAnnotations(annotations(policy))
        .endMetadata()
        .withData(data(policy, generation))
        .build();
  }

  /** Like {@link #configMap} but the annotation claims another policy's hash. */
  static ConfigMap configMapWithWrongAnnotation(String policy, String claimedPolicy) {
    ConfigMap cm = configMap(policy, 9);
    cm.getMetadata().setAnnotations(annotations(claimedPolicy));
    return cm;
  }
}
