package io.openshell.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the operator's Prometheus text: sums and counts of its timers, summed over labels. */
final class Metrics {
  private Metrics() {}

  /** Series the report explains the time with (operator README, "Metrics"). */
  static final List<String> TIMERS =
      List.of(
          "openshell_policy_composition_seconds",
          "openshell_policy_propagation_seconds",
          "openshell_sandbox_reconcile_cpu_seconds",
          "openshell_sandbox_reconcile_queued_seconds",
          "openshell_sandbox_api_write_seconds");

  static final String RECONCILES = "openshell_reconciles_total";

  /** Sum over all label sets of the series named exactly {@code name}. */
  static double total(String text, String name) {
    return labelled(text, name, "");
  }

  /** Sum over the label sets containing {@code labelText} of the series named {@code name}. */
  static double labelled(String text, String name, String labelText) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
      if (end > 0 && line.substring(0, end).equals(name) && line.contains(labelText)) {
        String[] parts = line.trim().split("\\s+");
        sum += Double.parseDouble(parts[parts.length - 1]);
      }
    }
    return sum;
  }

  /** Mean per timer and reconcile count between two scrapes (what one phase cost). */
  static Map<String, String> delta(String before, String after) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String timer : TIMERS) {
      double count = total(after, timer + "_count") - total(before, timer + "_count");
      double sum = total(after, timer + "_sum") - total(before, timer + "_sum");
      out.put(timer, describe(count, sum));
    }
    out.put(RECONCILES, "%.0f".formatted(total(after, RECONCILES) - total(before, RECONCILES)));
    return out;
  }

  /** Mean per timer and reconcile count since the operator started. */
  static Map<String, String> summary(String text) {
    return delta("", text);
  }

  private static String describe(double count, double sumSeconds) {
    if (count == 0) {
      return "0 events";
    }
    return "%.0f events, mean %.2f ms".formatted(count, sumSeconds * 1000 / count);
  }
}
