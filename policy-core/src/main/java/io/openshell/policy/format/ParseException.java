package io.openshell.policy.format;

/**
 * A structural parse failure inside this package. Parsing stops at the first one, as serde does;
 * the public readers turn it into a {@link Parsed.Failed} with code {@code PARSE_ERROR}.
 */
final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ParseException(String message) {
    super(message, null, false, false);
  }

  /** A message with the location appended: {@code "<detail> at <path>"} (nothing at the root). */
  static ParseException at(String detail, String path) {
    return new ParseException(path.isEmpty() ? detail : detail + " at " + path);
  }
}
