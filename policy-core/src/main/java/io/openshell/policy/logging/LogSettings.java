package io.openshell.policy.logging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A process's log format and level, as its {@code logback.xml} reads them from {@value
 * #FORMAT_VARIABLE} and {@value #LEVEL_VARIABLE}.
 *
 * @param format which appender {@code logback.xml} uses
 * @param level the root level
 */
public record LogSettings(Format format, Level level) {
  /** The variable naming the appender in both {@code logback.xml} files. */
  public static final String FORMAT_VARIABLE = "OPENSHELL_LOG_FORMAT";

  /** The variable holding the root level in both {@code logback.xml} files. */
  public static final String LEVEL_VARIABLE = "OPENSHELL_LOG_LEVEL";

  /** What both processes use when neither variable is set. */
  public static final LogSettings DEFAULT = new LogSettings(Format.JSON, Level.INFO);

  public LogSettings {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(level, "level");
  }

  /** The output format; its {@link #value()} is the appender's name in {@code logback.xml}. */
  public enum Format {
    /** One JSON object per line (logstash-logback-encoder). */
    JSON,
    /** One readable line per event. */
    TEXT;

    /** The variable's value: {@code json} or {@code text}. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The root level (the chart's schema allows the same five). */
  public enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** The operator's and the sidecar's own variables, defaulting to {@link #DEFAULT}. */
  public static LogSettings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, FORMAT_VARIABLE, LEVEL_VARIABLE, DEFAULT);
  }

  /**
   * Reads a format and a level from the named variables; an unset variable takes the fallback's
   * value. The format must be {@code json} or {@code text} exactly (it names an appender); the
   * level is one of {@link Level}, in any case (as logback reads it).
   *
   * @throws IllegalArgumentException naming every bad variable, its allowed values and the value
   *     found
   */
  public static LogSettings fromEnvironment(
      Map<String, String> env, String formatVariable, String levelVariable, LogSettings fallback) {
    List<String> problems = new ArrayList<>();
    Format format =
        read(
            env,
            formatVariable,
            Format.values(),
            (f, text) -> f.value().equals(text),
            "json or text",
            problems);
    Level level =
        read(
            env,
            levelVariable,
            Level.values(),
            (l, text) -> l.name().equalsIgnoreCase(text),
            allowedLevels(),
            problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new LogSettings(
        format == null ? fallback.format() : format, level == null ? fallback.level() : level);
  }

  /** The two variables that give a process these settings, format first. */
  public Map<String, String> asEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(FORMAT_VARIABLE, format.value());
    env.put(LEVEL_VARIABLE, level.name());
    return env;
  }

  private static String allowedLevels() {
    List<String> names = Arrays.stream(Level.values()).map(Level::name).toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /**
   * The value the variable names; null when it is unset or names none (a problem). Logback uses a
   * set variable verbatim, even empty or padded, so such a value is a problem too.
   */
  private static <E extends Enum<E>> E read(
      Map<String, String> env,
      String variable,
      E[] values,
      BiPredicate<E, String> names,
      String allowed,
      List<String> problems) {
    String text = env.get(variable);
    if (text == null) {
      return null;
    }
    for (E value : values) {
      if (names.test(value, text)) {
        return value;
      }
    }
    problems.add(
        variable + " must be " + allowed + ", got " + (text.isEmpty() ? "an empty value" : text));
    return null;
  }
}
