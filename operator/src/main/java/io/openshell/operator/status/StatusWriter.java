package io.openshell.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Writes a whole status in one PUT to the status subresource, carrying the read {@code
 * metadata.resourceVersion}.
 *
 * <p>Why not {@link UpdateControl#patchStatus}: without server-side apply JOSDK sends a JSON Patch
 * computed against the cached copy and drops the resourceVersion. When that copy lags behind the
 * stored object (our previous status write not yet seen by the informer), the diff applied to the
 * newer object mixes two statuses — seen as {@code appliedPolicyHash} updated while {@code
 * PolicyApplied} stayed {@code Pending}. A full replace is always one consistent status; on a real
 * API server a stale write gets 409 and JOSDK retries the reconcile with fresh data.
 */
public final class StatusWriter {
  private StatusWriter() {}

  /** Replaces the status of {@code resource} (whose status is already set) and asks for no more. */
  public static <P extends HasMetadata> UpdateControl<P> replaceStatus(
      Context<P> context, P resource) {
    context.getClient().resource(resource).updateStatus();
    return UpdateControl.noUpdate();
  }
}
