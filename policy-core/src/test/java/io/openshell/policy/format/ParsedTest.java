package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openshell.policy.Violation;
import io.openshell.policy.ViolationCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedTest {

  private static final Violation PARSE =
      Violation.error(ViolationCode.PARSE_ERROR, "file", "missing field 'version'");

  @Test
  void okWithOnlyWarningsHasNoErrors() {
    Parsed<String> ok =
        new Parsed.Ok<>("v", List.of(Violation.warning(ViolationCode.INVALID_PROFILE, "tls", "w")));

    assertThat(ok.hasErrors()).isFalse();
    assertThat(ok.orElseThrow()).isEqualTo("v");
  }

  @Test
  void okMayCarryErrorsFoundWhileReading() {
    Parsed<String> ok =
        new Parsed.Ok<>("v", List.of(Violation.error(ViolationCode.INVALID_PROFILE, "x", "e")));

    assertThat(ok.hasErrors()).isTrue();
  }

  @Test
  void failedThrowsWithTheFirstErrorWhenAskedForTheValue() {
    Parsed<String> failed = new Parsed.Failed<>(List.of(PARSE));

    assertThat(failed.hasErrors()).isTrue();
    assertThatThrownBy(failed::orElseThrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parse failed: file: missing field 'version'");
  }

  @Test
  void failedNeedsAtLeastOneError() {
    assertThatThrownBy(() -> new Parsed.Failed<String>(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
