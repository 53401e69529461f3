package io.openshell.operator.sandbox.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.OwnerReferences;
import io.openshell.operator.sandbox.PolicyConfigMapDependent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a sandbox's Pod from {@code spec.podTemplate}: the template's containers get the shared
 * policy directory (read-only) and no API token; the policy-agent sidecar gets the directory
 * (read-write), a projected token of the per-sandbox service account, mounted only into it, and the
 * operator's log settings for it.
 */
public final class SandboxPodSpecs {
  public static final String AGENT_CONTAINER = "policy-agent";
  public static final String POLICY_DIR = "/var/run/openshell/policy";
  public static final int AGENT_PORT = 9090;
  static final String POLICY_VOLUME = "openshell-policy";
  static final String TOKEN_VOLUME = "openshell-agent-token";
  static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private SandboxPodSpecs() {}

  /**
   * The desired Pod, with a {@code openshell.io/pod-spec-hash} annotation over its content except
   * the sidecar's log settings: changing those must not replace running sandbox pods (a replaced
   * pod restarts the workload), so they reach the pods created afterwards.
   */
  public static Pod render(Sandbox sandbox, AgentSidecar agentSidecar) {
    PodTemplateSpec template = JSON.clone(sandbox.getSpec().getPodTemplate());
    ObjectMeta tmeta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();

    String name = sandbox.getMetadata().getName();
    String namespace = sandbox.getMetadata().getNamespace();
    Map<String, String> labels = new LinkedHashMap<>();
    if (tmeta.getLabels() != null) {
      labels.putAll(tmeta.getLabels());
    }
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    labels.put(Labels.SANDBOX, name);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (tmeta.getAnnotations() != null) {
      annotations.putAll(tmeta.getAnnotations());
    }

    spec.setServiceAccountName(SandboxPodNames.serviceAccount(sandbox));
    // The workload containers must not hold an API token; only the sidecar mounts one below.
    spec.setAutomountServiceAccountToken(false);
    List<Volume> volumes =
        new ArrayList<>(spec.getVolumes() == null ? List.of() : spec.getVolumes());
    volumes.add(
        new VolumeBuilder().withName(POLICY_VOLUME).withNewEmptyDir().endEmptyDir().build());
    volumes.add(tokenVolume());
    spec.setVolumes(volumes);

    List<Container> containers = new ArrayList<>();
    for (Container c : spec.getContainers() == null ? List.<Container>of() : spec.getContainers()) {
      List<VolumeMount> mounts =
          new ArrayList<>(c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts());
      mounts.add(
          new VolumeMountBuilder()
              .withName(POLICY_VOLUME)
              .withMountPath(POLICY_DIR)
              .withReadOnly(true)
              .build());
      c.setVolumeMounts(mounts);
      containers.add(c);
    }
    containers.add(agent(name, namespace, agentSidecar.image()));
    spec.setContainers(containers);

    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(annotations)
            .withOwnerReferences(OwnerReferences.controller(sandbox))
            .endMetadata()
            .withSpec(spec)
            .build();
    pod.getMetadata().getAnnotations().put(Labels.POD_SPEC_HASH, hash(pod));
    // the builder copied the containers: the sidecar is the pod's last one
    Container agent = pod.getSpec().getContainers().get(containers.size() - 1);
    List<EnvVar> agentEnv = new ArrayList<>(agent.getEnv());
    agentSidecar.logging().asEnvironment().forEach((k, v) -> agentEnv.add(env(k, v)));
    agent.setEnv(agentEnv);
    return pod;
  }

  private static Container agent(String sandbox, String namespace, String image) {
    return new ContainerBuilder()
        .withName(AGENT_CONTAINER)
        .withImage(image)
        .withEnv(
            fieldRef("OPENSHELL_NAMESPACE", "metadata.namespace"),
            env("OPENSHELL_SANDBOX", sandbox),
            env("OPENSHELL_POLICY_CONFIGMAP", PolicyConfigMapDependent.configMapName(sandbox)),
            fieldRef("POD_NAME", "metadata.name"),
            env("OPENSHELL_POLICY_DIR", POLICY_DIR),
            env("OPENSHELL_AGENT_PORT", Integer.toString(AGENT_PORT)),
            // The kubelet probes the pod IP, so the agent must not bind only to loopback.
            env("OPENSHELL_AGENT_BIND", "0.0.0.0"))
        .addNewPort()
        .withName("agent-http")
        .withContainerPort(AGENT_PORT)
        .endPort()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/readyz")
        .withPort(new IntOrString(AGENT_PORT))
        .endHttpGet()
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewHttpGet()
        .withPath("/healthz")
        .withPort(new IntOrString(AGENT_PORT))
        .endHttpGet()
        .endLivenessProbe()
        .withVolumeMounts(
            new VolumeMountBuilder().withName(POLICY_VOLUME).withMountPath(POLICY_DIR).build(),
            new VolumeMountBuilder()
                .withName(TOKEN_VOLUME)
                .withMountPath(TOKEN_PATH)
                .withReadOnly(true)
                .build())
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .endSecurityContext()
        .build();
  }

  /** The same files as the default token mount (token, CA, namespace), for the sidecar only. */
  private static Volume tokenVolume() {
    return new VolumeBuilder()
        .withName(TOKEN_VOLUME)
        .withNewProjected()
        .addNewSource()
        .withNewServiceAccountToken()
        .withPath("token")
        .withExpirationSeconds(3607L)
        .endServiceAccountToken()
        .endSource()
        .addNewSource()
        .withNewConfigMap()
        .withName("kube-root-ca.crt")
        .addNewItem()
        .withKey("ca.crt")
        .withPath("ca.crt")
        .endItem()
        .endConfigMap()
        .endSource()
        .addNewSource()
        .withNewDownwardAPI()
        .addNewItem()
        .withPath("namespace")
        .withNewFieldRef()
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endItem()
        .endDownwardAPI()
        .endSource()
        .endProjected()
        .build();
  }

  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static String hash(Pod pod) {
    try {
      byte[] bytes = JSON.asJson(pod).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
