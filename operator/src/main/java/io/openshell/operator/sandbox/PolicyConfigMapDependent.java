package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.OwnerReferences;
import io.openshell.policy.format.PolicyBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code openshell-policy-<sandbox>} ConfigMap, controller-owned by its Sandbox. Reconciled
 * only with an accepted composition (the {@link PolicyBundle} in the context), so a rejected
 * candidate never reaches it; an unchanged document matches and is not written.
 */
public class PolicyConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, Sandbox> {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyConfigMapDependent.class);

  /** Context key of the {@link PolicyBundle} to render. */
  static final String DOCUMENT = "openshell.io/policy-document";

  public PolicyConfigMapDependent() {
    super(ConfigMap.class);
  }

  /** {@code openshell-policy-<sandbox name>}. */
  public static String configMapName(Sandbox sandbox) {
    return configMapName(sandbox.getMetadata().getName());
  }

  /** {@code openshell-policy-<sandbox name>}. */
  public static String configMapName(String sandboxName) {
    return PolicyBundle.Names.configMapName(sandboxName);
  }

  @Override
  protected ConfigMap desired(Sandbox sandbox, Context<Sandbox> context) {
    return render(
        sandbox,
        context
            .managedWorkflowAndDependentResourceContext()
            .getMandatory(DOCUMENT, PolicyBundle.class));
  }

  /** The ConfigMap that delivers {@code bundle} to {@code sandbox}'s policy agent. */
  static ConfigMap render(Sandbox sandbox, PolicyBundle bundle) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(configMapName(sandbox))
        .withNamespace(sandbox.getMetadata().getNamespace())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
        .addToLabels(Labels.SANDBOX, sandbox.getMetadata().getName())
        .addToAnnotations(bundle.annotations())
        .withOwnerReferences(OwnerReferences.controller(sandbox))
        .endMetadata()
        .withData(bundle.toData())
        .build();
  }

  /**
   * Creates the ConfigMap, or adopts one of the same name that the label-filtered informer cannot
   * see (its {@code managed-by} label was removed by hand): without this the create failed with 409
   * forever and the sandbox wedged (reliability-2 F3). Adopted only when no other object controls
   * it; the update restores labels, owner and content.
   */
  @Override
  public ConfigMap create(ConfigMap desired, Sandbox sandbox, Context<Sandbox> context) {
    try {
      return super.create(desired, sandbox, context);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      var client = context.getClient();
      ConfigMap existing =
          client
              .configMaps()
              .inNamespace(desired.getMetadata().getNamespace())
              .withName(desired.getMetadata().getName())
              .get();
      if (existing == null) {
        throw e;
      }
      String foreign = foreignController(existing, sandbox);
      if (foreign != null) {
        throw new IllegalStateException(
            "ConfigMap "
                + desired.getMetadata().getName()
                + " exists and is controlled by "
                + foreign
                + "; delete or rename it so the operator can create the sandbox's policy",
            e);
      }
      desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      LOG.atInfo()
          .addKeyValue("configMap", ResourceID.fromResource(existing))
          .log("adopting a policy ConfigMap that lost its managed-by label");
      return client.resource(desired).update();
    }
  }

  /** The controller of {@code existing} when it is another object than {@code sandbox}. */
  private static String foreignController(ConfigMap existing, Sandbox sandbox) {
    for (OwnerReference ref : existing.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())
          && !sandbox.getMetadata().getUid().equals(ref.getUid())) {
        return ref.getKind() + " " + ref.getName();
      }
    }
    return null;
  }

  @Override
  protected boolean addOwnerReference() {
    return false; // desired() sets a controller reference itself (JOSDK's has controller unset)
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Sandbox sandbox, Context<Sandbox> context) {
    // The name is fixed, so selecting the existing ConfigMap needs no composition.
    return new ResourceID(configMapName(sandbox), sandbox.getMetadata().getNamespace());
  }

  @Override
  protected InformerEventSourceConfiguration.Builder<ConfigMap> informerConfigurationBuilder(
      EventSourceContext<Sandbox> context) {
    // Cache only the ConfigMaps this operator owns, not every ConfigMap of the cluster.
    return super.informerConfigurationBuilder(context)
        .withLabelSelector(Labels.MANAGED_BY_SELECTOR);
  }
}
