package io.openshell.operator.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;
import io.openshell.operator.OwnerReferences;
import io.openshell.policy.format.PolicyBundle;

/**
 * The {@code openshell-policy-<sandbox>} ConfigMap, controller-owned by its Sandbox. Reconciled
 * only with an accepted composition (the {@link PolicyBundle} in the context), so a rejected
 * candidate never reaches it; an unchanged document matches and is not written.
 */
public class PolicyConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, Sandbox> {
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
