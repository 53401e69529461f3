package io.openshell.policy.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a profile or policy file as text: the size is checked before anything is read or parsed,
 * and the bytes must be UTF-8 (as Rust's {@code read_to_string} requires).
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The largest file read: 1.5 MiB, the Kubernetes API server's limit for one object (a larger
   * profile or policy could never be stored).
   */
  public static final long MAX_FILE_BYTES = 1_572_864;

  /**
   * The content of {@code file}.
   *
   * @throws IOException with a message that names the file and the reason (too large, not UTF-8, or
   *     the I/O error)
   */
  public static String read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException(
          file
              + " is "
              + size
              + " bytes; files larger than "
              + MAX_FILE_BYTES
              + " bytes (1.5 MiB, the Kubernetes API server's object size limit) are not read");
    }
    return utf8(file.toString(), Files.readAllBytes(file));
  }

  /** Decodes {@code bytes} as strict UTF-8; {@code name} is used in the error message. */
  public static String utf8(String name, byte[] bytes) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(
          name + " is not valid UTF-8 text (stream did not contain valid UTF-8)", e);
    }
  }
}
