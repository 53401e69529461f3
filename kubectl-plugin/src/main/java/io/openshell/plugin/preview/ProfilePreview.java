package io.openshell.plugin.preview;

import io.openshell.policy.Violation;
import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.catalog.ProfileCatalog;
import io.openshell.policy.catalog.ProviderTypes;
import io.openshell.policy.compose.CompositionResult;
import io.openshell.policy.compose.PolicyEngine;
import io.openshell.policy.compose.ProfileFanOut;
import io.openshell.policy.compose.SandboxInputs;
import io.openshell.policy.model.ProfileSource;
import io.openshell.policy.model.ProviderProfile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a profile import or update would do to the sandboxes that use the profiles, without writing:
 * per affected sandbox whether its effective policy changes, the unified diff of its {@code
 * policy.yaml}, and the fan-out refusals (§6.4) OpenShell would print. Pure: it composes the stored
 * inputs twice, with the stored catalog and with the candidates in it.
 */
public final class ProfilePreview {
  private ProfilePreview() {}

  /**
   * One affected sandbox.
   *
   * @param sandbox {@code namespace/name}
   * @param changes whether the effective policy the operator would deliver changes
   * @param hashBefore the effective policy hash now ({@code ""} when it does not compose now)
   * @param hashAfter the hash after the change ({@code ""} when it would not compose)
   * @param diff unified diff of {@code policy.yaml} ({@code ""} when unchanged)
   * @param refusals OpenShell's fan-out messages that refuse the operation
   * @param composeErrors why the sandbox would not compose afterwards (the operator then keeps the
   *     last good policy)
   */
  public record SandboxChange(
      String sandbox,
      boolean changes,
      String hashBefore,
      String hashAfter,
      String diff,
      List<String> refusals,
      List<String> composeErrors) {}

  /** The preview of one operation. */
  public record Result(String operation, List<String> profiles, List<SandboxChange> sandboxes) {
    /** True when the operation would be refused because of a sandbox. */
    public boolean refused() {
      return sandboxes.stream().anyMatch(s -> !s.refusals().isEmpty());
    }
  }

  /** The preview of storing {@code candidates} ({@code op}) for {@code sandboxes} as stored. */
  public static Result of(
      ProfileFanOut.Operation op, List<ProviderProfile> candidates, List<SandboxInputs> sandboxes) {
    Set<String> ids = candidates.stream().map(ProviderProfile::id).collect(Collectors.toSet());
    List<SandboxChange> changes = new ArrayList<>();
    for (SandboxInputs in : sandboxes) {
      if (!uses(in, ids)) {
        continue;
      }
      String before = yaml(PolicyEngine.compose(in));
      CompositionResult afterResult = PolicyEngine.compose(withCandidates(in, candidates));
      String after = yaml(afterResult);
      List<String> refusals = new ArrayList<>();
      for (ProviderProfile c : candidates) {
        ProfileFanOut.check(c, op, List.of(in)).stream()
            .filter(Violation::isError)
            .map(Violation::message)
            .forEach(refusals::add);
      }
      List<String> composeErrors =
          afterResult instanceof CompositionResult.Rejected r
              ? r.violations().stream().map(Violation::message).toList()
              : List.of();
      String name = in.qualifiedName() + "/policy.yaml";
      // a candidate that does not compose changes nothing delivered: the last good policy stays
      boolean delivered = afterResult instanceof CompositionResult.Composed;
      String diff =
          delivered
              ? UnifiedDiff.diff(
                  before, after, name + " (current)", name + " (after " + op.word() + ")")
              : "";
      changes.add(
          new SandboxChange(
              in.qualifiedName(),
              !diff.isEmpty(),
              hash(PolicyEngine.compose(in)),
              hash(afterResult),
              diff,
              refusals,
              composeErrors));
    }
    return new Result(op.word(), List.copyOf(ids.stream().sorted().toList()), changes);
  }

  /** Prints the preview for a terminal. */
  public static void print(Result r, PrintWriter out) {
    out.println(
        "Dry run of provider profile "
            + r.operation()
            + " ("
            + String.join(", ", r.profiles())
            + "): nothing was written.");
    if (r.sandboxes().isEmpty()) {
      out.println("No sandbox uses the profile.");
    }
    for (SandboxChange s : r.sandboxes()) {
      String state = s.changes() ? "effective policy changes" : "effective policy unchanged";
      out.println(s.sandbox() + ": " + state);
      out.print(s.diff());
      s.composeErrors()
          .forEach(e -> out.println("  would not compose (the last good policy stays): " + e));
      s.refusals().forEach(e -> out.println("  refused: " + e));
    }
  }

  /** The structured preview for {@code -o json|yaml}. */
  public static Map<String, Object> structured(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dryRun", true);
    m.put("operation", r.operation());
    m.put("profiles", r.profiles());
    m.put("refused", r.refused());
    List<Map<String, Object>> items = new ArrayList<>();
    for (SandboxChange s : r.sandboxes()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("sandbox", s.sandbox());
      i.put("changes", s.changes());
      i.put("hashBefore", s.hashBefore());
      i.put("hashAfter", s.hashAfter());
      i.put("diff", s.diff());
      i.put("refusals", s.refusals());
      i.put("composeErrors", s.composeErrors());
      items.add(i);
    }
    m.put("sandboxes", items);
    return m;
  }

  private static boolean uses(SandboxInputs in, Set<String> ids) {
    return in.providers().stream()
        .map(in.providerRecords()::get)
        .filter(r -> r != null)
        .anyMatch(r -> ProviderTypes.profileIdForType(r.type()).filter(ids::contains).isPresent());
  }

  private static SandboxInputs withCandidates(SandboxInputs in, List<ProviderProfile> candidates) {
    ProfileCatalog catalog = in.catalog();
    for (ProviderProfile c : candidates) {
      long generation = catalog.get(c.id()).map(CatalogEntry::generation).orElse(0L);
      catalog = catalog.with(new CatalogEntry(c, ProfileSource.USER, generation));
    }
    return in.withCatalog(catalog);
  }

  private static String yaml(CompositionResult r) {
    return r instanceof CompositionResult.Composed c ? c.effective().policyYaml() : "";
  }

  private static String hash(CompositionResult r) {
    return r instanceof CompositionResult.Composed c ? c.effective().policyHash() : "";
  }
}
