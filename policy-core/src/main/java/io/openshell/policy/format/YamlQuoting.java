package io.openshell.policy.format;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Jackson's minimal quoting plus every plain scalar that a YAML 1.1 or 1.2 reader (OpenShell uses
 * serde_yaml) could resolve to a number: anything starting with a digit, a sign or dot followed by
 * a digit, {@code 0x}/{@code 0o}/{@code 0b} forms and {@code .inf}/{@code .nan}. Jackson's own
 * check misses {@code 0x1F}, {@code 1e3}, {@code .inf}, {@code 1_000}; an unquoted glob like that
 * would be read back by OpenShell as a number and break its untagged matcher.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;

  private static final Pattern NUMBER_LIKE =
      Pattern.compile("^([-+]?\\.?[0-9].*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
  }

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || NUMBER_LIKE.matcher(name).matches();
  }
}
