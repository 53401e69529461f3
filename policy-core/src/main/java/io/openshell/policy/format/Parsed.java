package io.openshell.policy.format;

import io.openshell.policy.Violation;
import java.util.List;
import java.util.Objects;

/**
 * The result of reading one document: {@link Ok} with the value and the diagnostics found while
 * reading, or {@link Failed} when the document could not be turned into a value at all.
 *
 * <p>An {@link Ok} may still carry <em>errors</em>: a provider profile that parses but breaks a
 * check that only the file form can see (an explicit empty {@code rules: []}, §2.7 {@code
 * validate_before_lowering}) is returned with those errors so that a linter can report them next to
 * the profile. Use {@link #hasErrors()} to decide whether to go on.
 *
 * @param <T> the parsed type
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Failed {

  /** Every diagnostic of this result, errors and warnings. */
  List<Violation> diagnostics();

  /** True when any diagnostic is an error (always true for {@link Failed}). */
  default boolean hasErrors() {
    return diagnostics().stream().anyMatch(Violation::isError);
  }

  /** The value of an {@link Ok} result; throws {@link IllegalStateException} for {@link Failed}. */
  T orElseThrow();

  /**
   * A document that was read into a value.
   *
   * @param value the value
   * @param diagnostics what the reader found (warnings, and for profiles pre-lowering errors)
   * @param <T> the parsed type
   */
  record Ok<T>(T value, List<Violation> diagnostics) implements Parsed<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
      diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public T orElseThrow() {
      return value;
    }
  }

  /**
   * A document that could not be read; {@code errors} holds at least one error, normally one {@code
   * PARSE_ERROR} on field {@code file}.
   *
   * @param errors why
   * @param <T> the type that was expected
   */
  record Failed<T>(List<Violation> errors) implements Parsed<T> {
    public Failed {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a failed parse needs at least one error");
      }
    }

    @Override
    public List<Violation> diagnostics() {
      return errors;
    }

    @Override
    public boolean hasErrors() {
      return true;
    }

    @Override
    public T orElseThrow() {
      throw new IllegalStateException(
          "parse failed: " + errors.get(0).field() + ": " + errors.get(0).message());
    }
  }
}
