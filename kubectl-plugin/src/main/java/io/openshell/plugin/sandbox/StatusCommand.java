package io.openshell.plugin.sandbox;

import io.openshell.crds.v1alpha1.Sandbox;
import io.openshell.crds.v1alpha1.SandboxStatus;
import io.openshell.plugin.BaseCommand;
import io.openshell.plugin.Refused;
import io.openshell.plugin.input.Names;
import io.openshell.plugin.kube.Cluster;
import io.openshell.plugin.output.OutputFormat;
import io.openshell.plugin.output.OutputOption;
import io.openshell.plugin.output.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code status [SANDBOX]}: per sandbox, the effective policy hash the operator composed, the hash
 * the pod's policy agent reports as enforced, and whether they agree.
 */
@Command(
    name = "status",
    description = {
      "Show whether each sandbox's pod enforces its effective policy.",
      "SYNCED: the pod applies the effective hash; STALE: an older one;",
      "NOT-SENT: nothing applied yet (or no pod).",
      "Example: kubectl openshell status -n agents"
    })
public final class StatusCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SANDBOX",
      converter = Names.Sandbox.class,
      description = "One sandbox.")
  String sandbox;

  @Mixin OutputOption outputOption;

  /** One row of the status report. */
  public record Row(
      String namespace,
      String name,
      String effectiveHash,
      String appliedHash,
      String state,
      String ready) {}

  @Override
  protected void run() {
    OutputFormat output =
        outputOption.format(
            OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.YAML, OutputFormat.JSON);
    String ns = session().namespace();
    Cluster cluster = new Cluster(session().client());
    List<Sandbox> sandboxes = new ArrayList<>();
    if (sandbox != null) {
      sandboxes.add(
          cluster
              .sandbox(ns, sandbox)
              .orElseThrow(
                  () ->
                      new Refused(
                          "Failed to show status of sandbox " + sandbox + ".",
                          "sandbox not found")));
    } else {
      sandboxes.addAll(cluster.sandboxes(ns));
      sandboxes.sort(Comparator.comparing(s -> s.getMetadata().getName()));
    }
    List<Row> rows = sandboxes.stream().map(StatusCommand::row).toList();
    if (output == OutputFormat.TABLE) {
      if (rows.isEmpty()) {
        out().println("No sandboxes found in namespace " + ns + ".");
        return;
      }
      Table t = new Table("SANDBOX", "EFFECTIVE_HASH", "APPLIED_HASH", "STATE", "READY");
      rows.forEach(
          r ->
              t.row(
                  r.name(),
                  shortHash(r.effectiveHash()),
                  shortHash(r.appliedHash()),
                  r.state(),
                  r.ready()));
      t.print(out());
    } else {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", r.namespace());
        m.put("name", r.name());
        m.put("effectiveHash", r.effectiveHash());
        m.put("appliedHash", r.appliedHash());
        m.put("state", r.state());
        m.put("ready", r.ready());
        items.add(m);
      }
      OutputFormat.print(out(), output, items);
    }
  }

  /** The state of one sandbox from its status. */
  public static Row row(Sandbox sb) {
    SandboxStatus status = sb.getStatus() == null ? new SandboxStatus() : sb.getStatus();
    String effective =
        status.getEffectivePolicy() == null || status.getEffectivePolicy().getHash() == null
            ? ""
            : status.getEffectivePolicy().getHash();
    String applied = status.getAppliedPolicyHash() == null ? "" : status.getAppliedPolicyHash();
    return new Row(
        sb.getMetadata().getNamespace(),
        sb.getMetadata().getName(),
        effective,
        applied,
        state(effective, applied),
        status.condition("Ready").map(c -> c.getStatus()).orElse("Unknown"));
  }

  /** SYNCED when the pod enforces the effective hash, STALE when another, NOT-SENT when none. */
  public static String state(String effective, String applied) {
    if (applied.isEmpty()) {
      return "NOT-SENT";
    }
    return applied.equals(effective) ? "SYNCED" : "STALE";
  }

  /**
   * {@code sha256:} plus the first 12 hex digits, as short as a git hash and as unambiguous here.
   */
  static String shortHash(String hash) {
    if (hash.isEmpty()) {
      return "-";
    }
    String prefix = hash.startsWith("sha256:") ? "sha256:" : "";
    String hex = hash.substring(prefix.length());
    return prefix + (hex.length() > 12 ? hex.substring(0, 12) : hex);
  }
}
