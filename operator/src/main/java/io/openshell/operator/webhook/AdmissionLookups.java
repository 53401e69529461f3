package io.openshell.operator.webhook;

import io.openshell.crds.resolve.SandboxLookups;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.Sandbox;
import java.util.List;

/**
 * What the webhook reads besides the object under review: the composition lookups plus every
 * sandbox (for fan-out, in-use and activation checks) and the providers of a namespace.
 */
public interface AdmissionLookups extends SandboxLookups {
  /** Every Sandbox in the cluster. */
  List<Sandbox> sandboxes();

  /** Every Provider in the cluster. */
  List<Provider> providers();
}
