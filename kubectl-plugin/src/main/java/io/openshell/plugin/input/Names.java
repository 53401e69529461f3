package io.openshell.plugin.input;

import io.openshell.policy.lint.ProfileLint;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The names the plugin puts into API paths, checked against the rules the CRDs and Kubernetes apply
 * before any request is built: a name such as {@code sb1/status}, {@code ../x} or {@code $(id)}
 * would otherwise address another path (a subresource, another kind) or produce an unhelpful server
 * error. Used as picocli converters, so a bad name is a usage error (exit 2) naming the argument
 * and the rule.
 */
public final class Names {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

  static final String LABEL_RULE =
      "must be a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending"
          + " with a letter or digit";
  static final String SUBDOMAIN_RULE =
      "must be a DNS-1123 subdomain: at most 253 lowercase letters, digits, '-' or '.', each"
          + " dot-separated part starting and ending with a letter or digit";
  static final String PROFILE_ID_RULE =
      "must be lowercase kebab-case using only a-z, 0-9, and '-' (at most 63 characters)";

  private Names() {}

  /** Why {@code value} is not a valid sandbox name (the CRD: a DNS-1123 label), if it is not. */
  public static Optional<String> sandboxProblem(String value) {
    return label(value)
        ? Optional.empty()
        : Optional.of(problem("sandbox name", value, LABEL_RULE));
  }

  /** Why {@code value} is not a valid namespace (a DNS-1123 label), if it is not. */
  public static Optional<String> namespaceProblem(String value) {
    return label(value) ? Optional.empty() : Optional.of(problem("namespace", value, LABEL_RULE));
  }

  /** Why {@code value} is not a valid provider name (a DNS-1123 subdomain), if it is not. */
  public static Optional<String> providerProblem(String value) {
    boolean ok = value.length() <= 253 && DNS1123_SUBDOMAIN.matcher(value).matches();
    return ok ? Optional.empty() : Optional.of(problem("provider name", value, SUBDOMAIN_RULE));
  }

  private static boolean label(String value) {
    return value.length() <= 63 && DNS1123_LABEL.matcher(value).matches();
  }

  /** The message, with the value quoted and cut so that control characters and floods stay out. */
  static String problem(String what, String value, String rule) {
    return "invalid " + what + " '" + printable(value) + "': " + rule;
  }

  static String printable(String value) {
    String cut = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    StringBuilder b = new StringBuilder();
    cut.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** A converter that refuses a value for which {@link #problem} names a broken rule. */
  private abstract static class Checked implements ITypeConverter<String> {
    abstract Optional<String> problem(String value);

    @Override
    public String convert(String value) {
      Optional<String> problem = problem(value);
      if (problem.isPresent()) {
        throw new TypeConversionException(problem.get());
      }
      return value;
    }
  }

  /** {@code SANDBOX} arguments. */
  public static final class Sandbox extends Checked {
    @Override
    Optional<String> problem(String value) {
      return sandboxProblem(value);
    }
  }

  /** {@code PROVIDER} arguments. */
  public static final class Provider extends Checked {
    @Override
    Optional<String> problem(String value) {
      return providerProblem(value);
    }
  }

  /** {@code -n/--namespace}. */
  public static final class Namespace extends Checked {
    @Override
    Optional<String> problem(String value) {
      return namespaceProblem(value);
    }
  }

  /**
   * Profile {@code ID} arguments, normalised as OpenShell does (trimmed, lower-cased) and checked
   * against the {@code ProviderProfile} CRD's id rules.
   */
  public static final class ProfileId implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return ProfileLint.normalizeId(value)
          .filter(id -> id.length() <= 63)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      problem("provider profile id", value, PROFILE_ID_RULE)));
    }
  }
}
