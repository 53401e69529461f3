package io.openshell.plugin.profile;

import io.openshell.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenShell's profile diagnostics block: {@code {severity} {source} profile={id} field={field}
 * {message}}.
 */
public final class Diagnostics {
  /** One printed diagnostic. */
  public record Line(String source, String profileId, Violation violation) {
    @Override
    public String toString() {
      Violation v = violation;
      return "  "
          + v.severity().label()
          + " "
          + (source.isEmpty() ? "<input>" : source)
          + " profile="
          + (profileId.isEmpty() ? "-" : profileId)
          + " field="
          + v.field()
          + " "
          + v.message();
    }
  }

  private final List<Line> lines = new ArrayList<>();

  public void add(String source, String profileId, Violation v) {
    lines.add(new Line(source, profileId, v));
  }

  public void addAll(String source, String profileId, List<Violation> vs) {
    vs.forEach(v -> add(source, profileId, v));
  }

  public boolean hasErrors() {
    return lines.stream().anyMatch(l -> l.violation().isError());
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** "Provider profile diagnostics:" and one line per diagnostic. */
  public String render() {
    StringBuilder sb = new StringBuilder("Provider profile diagnostics:");
    lines.forEach(l -> sb.append('\n').append(l));
    return sb.toString();
  }
}
