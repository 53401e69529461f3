/**
 * The logging variables the operator and the policy-agent sidecar share ({@link
 * io.openshell.policy.logging.LogSettings}): both processes' {@code logback.xml} read {@code
 * OPENSHELL_LOG_FORMAT} and {@code OPENSHELL_LOG_LEVEL}, both check them at start-up with the same
 * rule, and the operator renders its {@code OPENSHELL_AGENT_LOG_*} settings into the sidecar under
 * those two names. Here because policy-core is the one module both processes depend on.
 */
package io.openshell.policy.logging;
