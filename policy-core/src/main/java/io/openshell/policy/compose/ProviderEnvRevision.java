package io.openshell.policy.compose;

import io.openshell.policy.catalog.CatalogEntry;
import io.openshell.policy.model.CredentialBinding;
import io.openshell.policy.model.NetworkEndpoint;
import io.openshell.policy.model.NetworkPolicyRule;
import io.openshell.policy.model.ProviderProfile;
import io.openshell.policy.model.ProviderRecord;
import io.openshell.policy.model.SandboxPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The provider environment revision (§7.1, adapted to Kubernetes): a hex SHA-256 that changes
 * whenever what a sandbox's supervisor would fetch as provider environment may have changed, and
 * never depends on a credential value.
 *
 * <p>Fed, each field length-prefixed: the prefix {@value #PREFIX}; for each attached provider name
 * in stored order: the name, then either {@code missing} or the record's {@code revision} (which
 * changes on every write of the provider or its Secret, so also on value rotation), its type, the
 * resolved profile (id, generation, and a digest of its content; or {@code no-profile}), its sorted
 * credential keys, and its sorted expiries; finally the sandbox policy's credential bindings sorted
 * by provider, host, port, path. OpenShell's refresh states have no equivalent here.
 */
public final class ProviderEnvRevision {
  /** Versioned prefix: bump it when the fed fields change. */
  public static final String PREFIX = "openshell-operator-provider-env-revision-v1";

  /**
   * Content digests by profile instance: catalog snapshots reuse the same profile objects across
   * reconciles, so the digest is nearly free (the benchmark target is tens of microseconds for a
   * whole composition).
   */
  private static final IdentityCache<ProviderProfile, byte[]> DIGESTS = new IdentityCache<>(1024);

  private ProviderEnvRevision() {}

  /**
   * The revision for {@code providers} (resolved in stored order) and the sandbox's base policy.
   */
  public static String compute(List<ResolvedProvider> providers, Optional<SandboxPolicy> base) {
    MessageDigest sha = sha256();
    put(sha, PREFIX);
    for (ResolvedProvider p : providers) {
      put(sha, p.name());
      if (p.record().isEmpty()) {
        put(sha, "missing");
        continue;
      }
      ProviderRecord r = p.record().get();
      put(sha, "record");
      put(sha, r.revision());
      put(sha, r.type());
      put(sha, r.runtimeCredentials() ? "runtime-credentials" : "stored-credentials");
      if (p.entry().isPresent()) {
        CatalogEntry entry = p.entry().get();
        put(sha, "profile");
        put(sha, entry.id());
        put(sha, entry.source().label());
        put(sha, Long.toString(entry.generation()));
        sha.update(profileDigest(entry.profile()));
      } else {
        put(sha, "no-profile");
      }
      TreeSet<String> keys = new TreeSet<>(r.credentialKeys());
      put(sha, Integer.toString(keys.size()));
      for (String k : keys) {
        put(sha, k);
      }
      put(sha, Integer.toString(r.credentialExpiresAt().size()));
      for (Map.Entry<String, Instant> e : r.credentialExpiresAt().entrySet()) {
        put(sha, e.getKey());
        put(sha, e.getValue().toString());
      }
    }
    List<String[]> bindings = new ArrayList<>();
    base.ifPresent(policy -> collectBindings(policy, bindings));
    bindings.sort(
        (a, b) -> {
          for (int i = 0; i < a.length; i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
              return c;
            }
          }
          return 0;
        });
    put(sha, "bindings");
    for (String[] b : bindings) {
      for (String part : b) {
        put(sha, part);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void collectBindings(SandboxPolicy policy, List<String[]> out) {
    for (NetworkPolicyRule rule : policy.networkPolicies().values()) {
      for (NetworkEndpoint e : rule.endpoints()) {
        if (e.credentialBinding().isEmpty()) {
          continue;
        }
        CredentialBinding b = e.credentialBinding().get();
        List<Integer> ports = e.effectivePorts();
        if (ports.isEmpty()) {
          out.add(new String[] {b.provider(), e.host(), "", e.path()});
        }
        for (Integer port : ports) {
          out.add(new String[] {b.provider(), e.host(), String.format("%05d", port), e.path()});
        }
      }
    }
  }

  /** SHA-256 of the profile's full content (its canonical record rendering). */
  static byte[] profileDigest(ProviderProfile profile) {
    // Records render every component, collections in their (ordered) iteration order, so equal
    // profiles give equal text. A JDK that rendered records differently would change every
    // revision once, which only makes supervisors re-fetch their environment.
    return DIGESTS.get(
        profile, p -> sha256().digest(p.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void put(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
