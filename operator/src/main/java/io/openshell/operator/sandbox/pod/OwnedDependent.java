package io.openshell.operator.sandbox.pod;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.operator.Labels;

/**
 * Base of the per-sandbox pod dependents: fixed names (no desired state needed to find the existing
 * object) and an informer limited to objects this operator manages.
 */
abstract class OwnedDependent<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, Sandbox> {
  OwnedDependent(Class<R> type) {
    super(type);
  }

  /** The object's name for this sandbox. */
  abstract String nameFor(Sandbox sandbox);

  @Override
  protected boolean addOwnerReference() {
    return false; // desired() sets a controller reference itself (JOSDK's has controller unset)
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Sandbox sandbox, Context<Sandbox> context) {
    return new ResourceID(nameFor(sandbox), sandbox.getMetadata().getNamespace());
  }

  @Override
  protected InformerEventSourceConfiguration.Builder<R> informerConfigurationBuilder(
      EventSourceContext<Sandbox> context) {
    return super.informerConfigurationBuilder(context)
        .withLabelSelector(Labels.MANAGED_BY_SELECTOR);
  }
}
