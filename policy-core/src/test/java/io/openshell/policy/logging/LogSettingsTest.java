package io.openshell.policy.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openshell.policy.logging.LogSettings.Format;
import io.openshell.policy.logging.LogSettings.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {
  private static final String FORMAT = "OPENSHELL_AGENT_LOG_FORMAT";
  private static final String LEVEL = "OPENSHELL_AGENT_LOG_LEVEL";

  @Test
  void unsetVariablesGiveJsonAtInfo() {
    assertThat(LogSettings.fromEnvironment(Map.of()))
        .isEqualTo(new LogSettings(Format.JSON, Level.INFO));
  }

  @Test
  void unsetVariablesTakeTheFallback() {
    LogSettings fallback = new LogSettings(Format.TEXT, Level.WARN);

    assertThat(LogSettings.fromEnvironment(Map.of(), FORMAT, LEVEL, fallback)).isEqualTo(fallback);
  }

  @Test
  void anEmptyOrPaddedValueIsRefusedBecauseLogbackWouldUseItVerbatim() {
    // logback.xml's ${OPENSHELL_LOG_FORMAT:-json} takes a set variable as it is: "" names no
    // appender, and the process would log nothing
    assertThatThrownBy(
            () ->
                LogSettings.fromEnvironment(
                    Map.of("OPENSHELL_LOG_FORMAT", "", "OPENSHELL_LOG_LEVEL", " INFO")))
        .hasMessage(
            "OPENSHELL_LOG_FORMAT must be json or text, got an empty value; OPENSHELL_LOG_LEVEL"
                + " must be TRACE, DEBUG, INFO, WARN or ERROR, got  INFO");
  }

  @Test
  void theNamedVariablesAreRead() {
    LogSettings s =
        LogSettings.fromEnvironment(
            Map.of(FORMAT, "text", LEVEL, "DEBUG", "OPENSHELL_LOG_FORMAT", "json"),
            FORMAT,
            LEVEL,
            LogSettings.DEFAULT);

    assertThat(s).isEqualTo(new LogSettings(Format.TEXT, Level.DEBUG));
  }

  @Test
  void theLevelIsReadInAnyCaseAsLogbackDoes() {
    assertThat(LogSettings.fromEnvironment(Map.of("OPENSHELL_LOG_LEVEL", "debug")).level())
        .isEqualTo(Level.DEBUG);
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheVariableAndTheAllowedValues() {
    // the format names an appender: JSON would select none and log nothing
    assertThatThrownBy(() -> LogSettings.fromEnvironment(Map.of("OPENSHELL_LOG_FORMAT", "JSON")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OPENSHELL_LOG_FORMAT must be json or text, got JSON");
  }

  @Test
  void anUnknownLevelIsRefusedNamingTheVariableAndTheAllowedValues() {
    assertThatThrownBy(
            () ->
                LogSettings.fromEnvironment(
                    Map.of(LEVEL, "LOUD"), FORMAT, LEVEL, LogSettings.DEFAULT))
        .hasMessage(
            "OPENSHELL_AGENT_LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got LOUD");
  }

  @Test
  void bothBadVariablesAreNamedAtOnce() {
    assertThatThrownBy(
            () ->
                LogSettings.fromEnvironment(
                    Map.of("OPENSHELL_LOG_FORMAT", "xml", "OPENSHELL_LOG_LEVEL", "verbose")))
        .hasMessage(
            "OPENSHELL_LOG_FORMAT must be json or text, got xml; OPENSHELL_LOG_LEVEL must be"
                + " TRACE, DEBUG, INFO, WARN or ERROR, got verbose");
  }

  @Test
  void theSettingsBecomeTheTwoVariablesLogbackReads() {
    assertThat(new LogSettings(Format.TEXT, Level.DEBUG).asEnvironment())
        .containsExactly(
            Map.entry("OPENSHELL_LOG_FORMAT", "text"), Map.entry("OPENSHELL_LOG_LEVEL", "DEBUG"));
  }
}
