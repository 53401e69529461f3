package io.openshell.plugin.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Attach or detach: the candidate provider list and OpenShell's texts for each. */
public enum ProviderEdit {
  ATTACH("attach", "to", "is already attached to", "✓ Attached provider "),
  DETACH("detach", "from", "was not attached to", "✓ Detached provider ");

  private final String verb;
  private final String preposition;
  private final String noop;
  private final String done;

  ProviderEdit(String verb, String preposition, String noop, String done) {
    this.verb = verb;
    this.preposition = preposition;
    this.noop = noop;
    this.done = done;
  }

  /** The first line of a refusal: {@code Failed to attach provider P to sandbox S.} */
  public String failed(String provider, String sandbox) {
    return "Failed to "
        + verb
        + " provider "
        + provider
        + " "
        + preposition
        + " sandbox "
        + sandbox
        + ".";
  }

  /** OpenShell's text when every compare-and-set round lost. */
  String conflict() {
    return "Failed to " + verb + " provider: sandbox was modified by another operation.";
  }

  /** The success line, or the no-op line when the list already was as asked. */
  public String result(boolean changed, String provider, String sandbox) {
    return changed
        ? done + provider + " " + preposition + " sandbox " + sandbox
        : "Provider " + provider + " " + noop + " sandbox " + sandbox + ".";
  }

  /**
   * The candidate list: duplicates dropped (the CRD lists a set), {@code provider} appended
   * (attach) or removed (detach).
   */
  List<String> candidate(List<String> current, String provider) {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(current));
    if (this == ATTACH) {
      if (!out.contains(provider)) {
        out.add(provider);
      }
    } else {
      out.remove(provider);
    }
    return out;
  }

  /** Whether the edit changes which providers are attached (not just duplicates). */
  boolean changes(List<String> current, String provider) {
    return (this == ATTACH) != current.contains(provider);
  }
}
