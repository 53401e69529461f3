/**
 * The OpenShell Providers v2 data model: sandbox policies (§1), provider profiles (§2), provider
 * records (§4) and gateway settings (§5.1), as immutable records.
 *
 * <p>Conventions: string fields default to {@code ""} (OpenShell's proto default), numbers to
 * {@code 0}, lists and maps to empty. Compact constructors reject {@code null} for those and copy
 * collections. A nested object whose <em>absence</em> means something different from its empty form
 * (a policy without a {@code filesystem_policy}, a credential without {@code refresh}) is an {@link
 * java.util.Optional} component: this is the one place the model uses {@code Optional}, so that it
 * holds no {@code null}.
 */
package io.openshell.policy.model;
