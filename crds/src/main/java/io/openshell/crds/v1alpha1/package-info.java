/**
 * The {@code openshell.io/v1alpha1} custom resources: {@link ProviderProfile}, {@link Provider},
 * {@link Sandbox} and {@link OpenShellSettings}, with their spec and status types. The CRD YAML is
 * generated from these classes at build time (field javadoc lives in {@code
 * JsonPropertyDescription} so that {@code kubectl explain} shows it).
 *
 * <p>Conventions: every optional field is a boxed type or a collection and is {@code null} when the
 * manifest omits it, so that a round trip through Kubernetes keeps the manifest's shape. Enumerated
 * values are plain strings constrained by the schema (not Java enums): an object written by an
 * older or newer version, or a file read by the plugin, still deserialises, and policy-core's lint
 * reports unknown values with OpenShell's texts.
 */
package io.openshell.crds.v1alpha1;
