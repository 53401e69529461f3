package io.openshell.agent;

import io.openshell.policy.format.PolicyBundle;
import io.openshell.policy.format.PolicyBundle.Names;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The policy directory: writes {@code policy.yaml} and {@code metadata.json} (named as the
 * ConfigMap's data keys, {@link Names}), each atomically.
 *
 * <p>Reader contract: each file is replaced by a rename of a fully written and fsynced temp file
 * from the same directory, so a reader opening either name always sees one complete version. {@code
 * policy.yaml} is written first and {@code metadata.json} second: when metadata.json changes, the
 * policy.yaml it describes is already in place, and a reader that wants the pair consistent
 * compares metadata.json's {@code policyHash} with sha256 of policy.yaml (they differ only in the
 * instant between the two renames). Temp files start with a dot and end in {@code .tmp}.
 */
final class PolicyFiles {
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path dir;

  PolicyFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * Creates the directory if needed and removes temp files a crashed predecessor left behind (a
   * crash between write and rename is the only way one survives).
   */
  void prepare() throws IOException {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
      for (Path path : stale) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Replaces policy.yaml with the version's policy. */
  void writePolicy(PolicyVersion version) throws IOException {
    writeAtomically(Names.POLICY_KEY, version.policyYaml());
  }

  /** Replaces metadata.json with the version's metadata; call after {@link #writePolicy}. */
  void writeMetadata(PolicyVersion version) throws IOException {
    writeAtomically(Names.METADATA_KEY, version.metadataJson());
  }

  /** The current text of metadata.json, or null when there is none. */
  String readMetadata() throws IOException {
    Path path = dir.resolve(Names.METADATA_KEY);
    return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
  }

  /**
   * The hash of the policy a previous run of the agent left here, if both files are present and
   * metadata.json's {@code policyHash} matches policy.yaml's bytes; empty otherwise.
   */
  Optional<String> consistentHashOnDisk() throws IOException {
    Path policy = dir.resolve(Names.POLICY_KEY);
    String metadata = readMetadata();
    if (metadata == null || !Files.exists(policy)) {
      return Optional.empty();
    }
    String text = Files.readString(policy, StandardCharsets.UTF_8);
    String hash = PolicyVerifier.hashOf(text);
    // The files are a bundle whose annotation is, by construction, the policy's own hash.
    PolicyBundle.Read read =
        PolicyBundle.fromData(
            Map.of(Names.POLICY_KEY, text, Names.METADATA_KEY, metadata),
            Map.of(Names.POLICY_HASH_ANNOTATION, hash));
    return read instanceof PolicyBundle.Read.Ok ? Optional.of(hash) : Optional.empty();
  }

  private void writeAtomically(String name, String content) throws IOException {
    Path temp = Files.createTempFile(dir, "." + name + ".", TEMP_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        // Data on disk before the rename makes it visible: a crash never leaves an empty file.
        channel.force(true);
      }
      // createTempFile makes 0600; the supervisor reading the files may run as another user.
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory();
  }

  // Makes the rename itself durable. Not every platform can open a directory; Linux can.
  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // best effort: the rename is still atomic, only its durability across a power loss is weaker
    }
  }
}
