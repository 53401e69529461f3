package io.openshell.plugin.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.openshell.policy.Violation;
import java.util.List;

/** The checks OpenShell runs on a candidate provider list before attach or detach writes it. */
@FunctionalInterface
public interface CandidateCheck {
  /**
   * Violations of {@code sandbox} with {@code providers} attached; no errors means it may be
   * written.
   */
  List<Violation> check(GenericKubernetesResource sandbox, List<String> providers);
}
