package io.openshell.crds.read;

/**
 * A stored value this version of the model could not read: where it is and what was expected.
 *
 * @param path the JSON path from the object's root, e.g. {@code spec.podTemplate.spec.containers}
 * @param message what the value must be, e.g. {@code must be a list, not a string}
 */
public record ReadProblem(String path, String message) {
  /** {@code path message}, the text used in conditions, Events and webhook refusals. */
  public String text() {
    return path + " " + message;
  }
}
