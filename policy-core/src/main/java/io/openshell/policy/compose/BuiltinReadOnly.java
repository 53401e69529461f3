package io.openshell.policy.compose;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import io.openshell.policy.catalog.BuiltinProfiles;
import java.util.Optional;

/**
 * Built-in provider profiles are read-only: a create, update or delete of a built-in id is refused
 * with OpenShell's text "provider profile '{id}' is managed by source 'builtin' and cannot be
 * {overwritten|updated|deleted}" (openshell-server grpc/provider.rs:2666 delete, 2943 import,
 * 3013/3043 update).
 */
public final class BuiltinReadOnly {
  private BuiltinReadOnly() {}

  /** The profile write being checked, with OpenShell's verb for it. */
  public enum Write {
    /** Import (create) over a built-in id. */
    CREATE("overwritten"),
    /** Update of a built-in id. */
    UPDATE("updated"),
    /** Delete of a built-in id. */
    DELETE("deleted");

    private final String verb;

    Write(String verb) {
      this.verb = verb;
    }
  }

  /** OpenShell's refusal text for writing the built-in profile {@code id}. */
  public static String message(String id, Write write) {
    return "provider profile '"
        + id
        + "' is managed by source 'builtin' and cannot be "
        + write.verb;
  }

  /** {@code BUILTIN_READ_ONLY} when {@code id} names a built-in profile; empty otherwise. */
  public static Optional<Violation> check(String id, Write write) {
    if (!BuiltinProfiles.isBuiltin(id)) {
      return Optional.empty();
    }
    return Optional.of(Violation.error(ViolationCode.BUILTIN_READ_ONLY, "id", message(id, write)));
  }
}
