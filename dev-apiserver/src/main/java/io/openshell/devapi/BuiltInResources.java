package io.openshell.devapi;

import java.util.List;

/** The built-in resource types the development API server advertises in discovery. */
final class BuiltInResources {

  /** One resource type as discovery describes it. */
  record Type(
      String group,
      String version,
      String plural,
      String singular,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      List<String> subresources) {}

  // What the operator, its Helm chart and kubectl's everyday commands touch; the mock stores any
  // path generically, so this list only decides what kubectl can resolve by name.
  static final List<Type> ALL =
      List.of(
          core("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of(), "status"),
          core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of()),
          core("secrets", "secret", "Secret", true, List.of(), List.of()),
          core("pods", "pod", "Pod", true, List.of("po"), List.of("all"), "status"),
          core(
              "serviceaccounts",
              "serviceaccount",
              "ServiceAccount",
              true,
              List.of("sa"),
              List.of()),
          core("events", "event", "Event", true, List.of("ev"), List.of()),
          core("services", "service", "Service", true, List.of("svc"), List.of("all"), "status"),
          core("endpoints", "endpoints", "Endpoints", true, List.of("ep"), List.of()),
          core(
              "persistentvolumeclaims",
              "persistentvolumeclaim",
              "PersistentVolumeClaim",
              true,
              List.of("pvc"),
              List.of(),
              "status"),
          core("nodes", "node", "Node", false, List.of("no"), List.of(), "status"),
          type(
              "apps",
              "deployments",
              "deployment",
              "Deployment",
              true,
              List.of("deploy"),
              List.of("all"),
              "status",
              "scale"),
          type(
              "apps",
              "replicasets",
              "replicaset",
              "ReplicaSet",
              true,
              List.of("rs"),
              List.of("all"),
              "status",
              "scale"),
          type(
              "apps",
              "statefulsets",
              "statefulset",
              "StatefulSet",
              true,
              List.of("sts"),
              List.of("all"),
              "status",
              "scale"),
          type(
              "apps",
              "daemonsets",
              "daemonset",
              "DaemonSet",
              true,
              List.of("ds"),
              List.of("all"),
              "status"),
          type("batch", "jobs", "job", "Job", true, List.of(), List.of("all"), "status"),
          type(
              "batch",
              "cronjobs",
              "cronjob",
              "CronJob",
              true,
              List.of("cj"),
              List.of("all"),
              "status"),
          type("rbac.authorization.k8s.io", "roles", "role", "Role", true, List.of(), List.of()),
          type(
              "rbac.authorization.k8s.io",
              "rolebindings",
              "rolebinding",
              "RoleBinding",
              true,
              List.of(),
              List.of()),
          type(
              "rbac.authorization.k8s.io",
              "clusterroles",
              "clusterrole",
              "ClusterRole",
              false,
              List.of(),
              List.of()),
          type(
              "rbac.authorization.k8s.io",
              "clusterrolebindings",
              "clusterrolebinding",
              "ClusterRoleBinding",
              false,
              List.of(),
              List.of()),
          type("coordination.k8s.io", "leases", "lease", "Lease", true, List.of(), List.of()),
          type(
              "apiextensions.k8s.io",
              "customresourcedefinitions",
              "customresourcedefinition",
              "CustomResourceDefinition",
              false,
              List.of("crd", "crds"),
              List.of("api-extensions"),
              "status"),
          type(
              "admissionregistration.k8s.io",
              "validatingwebhookconfigurations",
              "validatingwebhookconfiguration",
              "ValidatingWebhookConfiguration",
              false,
              List.of(),
              List.of("api-extensions")),
          type(
              "admissionregistration.k8s.io",
              "mutatingwebhookconfigurations",
              "mutatingwebhookconfiguration",
              "MutatingWebhookConfiguration",
              false,
              List.of(),
              List.of("api-extensions")),
          type(
              "admissionregistration.k8s.io",
              "validatingadmissionpolicies",
              "validatingadmissionpolicy",
              "ValidatingAdmissionPolicy",
              false,
              List.of(),
              List.of("api-extensions"),
              "status"),
          type(
              "admissionregistration.k8s.io",
              "validatingadmissionpolicybindings",
              "validatingadmissionpolicybinding",
              "ValidatingAdmissionPolicyBinding",
              false,
              List.of(),
              List.of("api-extensions")),
          type(
              "policy",
              "poddisruptionbudgets",
              "poddisruptionbudget",
              "PodDisruptionBudget",
              true,
              List.of("pdb"),
              List.of(),
              "status"),
          type(
              "networking.k8s.io",
              "networkpolicies",
              "networkpolicy",
              "NetworkPolicy",
              true,
              List.of("netpol"),
              List.of()),
          type(
              "networking.k8s.io",
              "ingresses",
              "ingress",
              "Ingress",
              true,
              List.of("ing"),
              List.of(),
              "status"),
          type("events.k8s.io", "events", "event", "Event", true, List.of("ev"), List.of()));

  private BuiltInResources() {}

  private static Type core(
      String plural,
      String singular,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      String... subresources) {
    return new Type(
        "",
        "v1",
        plural,
        singular,
        kind,
        namespaced,
        shortNames,
        categories,
        List.of(subresources));
  }

  private static Type type(
      String group,
      String plural,
      String singular,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      String... subresources) {
    return new Type(
        group,
        "v1",
        plural,
        singular,
        kind,
        namespaced,
        shortNames,
        categories,
        List.of(subresources));
  }
}
