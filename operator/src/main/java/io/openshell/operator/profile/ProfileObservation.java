package io.openshell.operator.profile;

import io.openshell.policy.Violation;
import java.util.List;
import java.util.Optional;

/**
 * What a profile reconcile found.
 *
 * @param lint lint findings (errors and warnings), OpenShell's field paths and texts
 * @param providers how many providers have a type resolving to this profile
 * @param sandboxes how many sandboxes attach such a provider
 * @param inUseMessage when a delete is blocked: OpenShell's in-use message
 */
public record ProfileObservation(
    List<Violation> lint, int providers, int sandboxes, Optional<String> inUseMessage) {
  public ProfileObservation {
    lint = List.copyOf(lint);
  }
}
