package io.openshell.plugin.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --wait[=DURATION]}: block until the operator has applied the change (default 5m). */
public final class WaitOption {
  static final Duration DEFAULT = Duration.ofMinutes(5);

  @Option(
      names = "--wait",
      arity = "0..1",
      paramLabel = "DURATION",
      fallbackValue = "5m",
      converter = DurationConverter.class,
      description =
          "Wait until the sandbox's policy is applied (composed, when it has no pod);"
              + " optional timeout such as 30s, 2m, 1h30m (default 5m).")
  Duration wait;

  public Optional<Duration> timeout() {
    return Optional.ofNullable(wait);
  }

  /** kubectl-style durations: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
      return parse(value);
    }

    public static Duration parse(String value) {
      String v = value.trim();
      if (v.isEmpty()) {
        throw new TypeConversionException("empty duration");
      }
      Matcher m = PART.matcher(v);
      Duration d = Duration.ZERO;
      int end = 0;
      while (m.find() && m.start() == end) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "h" -> d.plusHours(n);
              case "m" -> d.plusMinutes(n);
              case "s" -> d.plusSeconds(n);
              default -> d.plusMillis(n);
            };
        end = m.end();
      }
      if (end != v.length()) {
        throw new TypeConversionException(
            "invalid duration '" + value + "' (expected e.g. 30s, 5m, 1h30m)");
      }
      return d;
    }
  }
}
