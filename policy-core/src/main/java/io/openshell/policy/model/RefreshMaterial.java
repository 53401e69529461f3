package io.openshell.policy.model;

/**
 * A material item a refresh strategy needs (for example {@code role_arn}).
 *
 * @param name material name
 * @param description human description
 * @param required whether the material must be supplied
 * @param secret whether the material is secret
 */
public record RefreshMaterial(String name, String description, boolean required, boolean secret) {
  public RefreshMaterial {
    name = Checks.str(name, "name");
    description = Checks.str(description, "description");
  }
}
