/**
 * The profile catalog: the 13 built-in profiles ({@link
 * io.openshell.policy.catalog.BuiltinProfiles}, read once from a bundled copy of OpenShell's {@code
 * providers/*.yaml}), user profiles, and the provider-type → profile-id resolution with OpenShell's
 * aliases ({@link io.openshell.policy.catalog.ProviderTypes}). A {@link
 * io.openshell.policy.catalog.ProfileCatalog} is an immutable snapshot keyed by id in which
 * built-in ids are reserved.
 */
package io.openshell.policy.catalog;
