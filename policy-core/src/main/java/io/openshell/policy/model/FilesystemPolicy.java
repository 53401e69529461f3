package io.openshell.policy.model;

import java.util.List;

/**
 * {@code filesystem_policy}: Landlock paths the sandbox may read or write (§1.1, §1.6).
 *
 * @param includeWorkdir whether the working directory is writable
 * @param readOnly absolute paths readable by the sandbox
 * @param readWrite absolute paths writable by the sandbox ({@code /} alone is refused as too broad)
 */
public record FilesystemPolicy(
    boolean includeWorkdir, List<String> readOnly, List<String> readWrite) {
  public FilesystemPolicy {
    readOnly = Checks.list(readOnly, "readOnly");
    readWrite = Checks.list(readWrite, "readWrite");
  }
}
