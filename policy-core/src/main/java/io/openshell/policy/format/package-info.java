/**
 * OpenShell's own file formats, snake_case, read and written losslessly:
 *
 * <ul>
 *   <li>{@link io.openshell.policy.format.PolicyYaml}: sandbox {@code policy.yaml} (§1), strict
 *       like OpenShell's serde DTOs, with THE canonical rendering that is hashed ({@link
 *       io.openshell.policy.format.PolicyHash}) and delivered in the policy ConfigMap;
 *   <li>{@link io.openshell.policy.format.ProfileFiles}: provider profile import/export files
 *       (§2.1), YAML or JSON, unknown fields ignored.
 * </ul>
 *
 * <p>Readers return a {@link io.openshell.policy.format.Parsed} result and never throw for bad
 * input: a parse failure is one {@code PARSE_ERROR} {@link io.openshell.policy.Violation} on field
 * {@code file}.
 */
package io.openshell.policy.format;
