package io.openshell.policy.compose;

/** Which policy the effective policy was built from (§5.1). */
public enum PolicySource {
  /** The sandbox's own policy, plus provider layers when composition is on. */
  SANDBOX("Sandbox"),
  /** The global policy, which replaces the sandbox policy and suppresses layers. */
  GLOBAL("Global");

  private final String label;

  PolicySource(String label) {
    this.label = label;
  }

  /** {@code Sandbox} or {@code Global}, as written to status and {@code metadata.json}. */
  public String label() {
    return label;
  }
}
