package io.openshell.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.read.TolerantReader;
import java.util.Map;

/**
 * The operator's API client: fabric8's, with Pods and Secrets read as tolerantly as the openshell
 * kinds (crds {@link TolerantReader}). A real API server validates both, but the development API
 * server stores anything, and one Pod with {@code containers: oops} must not stop the pod informer
 * of every sandbox: the unreadable part is left out (a Secret's keys, a Pod's spec fields) and
 * everything else is read.
 */
public final class OperatorClients {
  private OperatorClients() {}

  /** A client for {@code config} with the tolerant serialization. */
  public static KubernetesClient create(Config config) {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withKubernetesSerialization(serialization())
        .build();
  }

  /** A client for the current kubeconfig or in-cluster configuration. */
  public static KubernetesClient create() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization()).build();
  }

  static KubernetesSerialization serialization() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.addMixIn(Pod.class, PodMixin.class);
    mapper.addMixIn(Secret.class, SecretMixin.class);
    return new KubernetesSerialization(mapper, true);
  }

  /** Reads a Pod's spec tolerantly. */
  public static final class PodSpecReader extends TolerantReader<PodSpec> {
    public PodSpecReader() {
      super(PodSpec.class, "spec");
    }
  }

  /** Reads a Secret's {@code data}/{@code stringData}: a value that is not a map is left out. */
  public static final class SecretDataReader extends TolerantReader<StringMap> {
    public SecretDataReader() {
      super(StringMap.class, "data");
    }
  }

  /** A map of strings (Jackson needs a concrete type to read into). */
  public static final class StringMap extends java.util.LinkedHashMap<String, String> {}

  abstract static class PodMixin {
    @JsonDeserialize(using = PodSpecReader.class)
    abstract void setSpec(PodSpec spec);
  }

  abstract static class SecretMixin {
    @JsonDeserialize(using = SecretDataReader.class)
    abstract void setData(Map<String, String> data);

    @JsonDeserialize(using = SecretDataReader.class)
    abstract void setStringData(Map<String, String> data);
  }
}
