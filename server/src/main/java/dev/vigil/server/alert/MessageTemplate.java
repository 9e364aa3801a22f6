package dev.vigil.server.alert;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's alert message with placeholders in braces, e.g. {@code "{sensor} at {value} on {host}"}.
 * Every placeholder must be one of {@link #PLACEHOLDERS}; a placeholder without a value for the
 * alert renders as {@code ?}.
 */
public final class MessageTemplate {
  /** Longest template accepted, in characters. */
  public static final int MAX_LENGTH = 500;

  /** Placeholders a template may use. */
  public static final Set<String> PLACEHOLDERS =
      Set.of(
          "host", "hostId", "sensor", "value", "threshold", "device", "rule", "severity", "reason");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]*)}");

  private MessageTemplate() {}

  /** Why {@code template} cannot be used, or {@code null} when it can. */
  public static String problem(String template) {
    if (template.length() > MAX_LENGTH) {
      return "messageTemplate is " + template.length() + " characters, more than " + MAX_LENGTH;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        return "messageTemplate has unknown placeholder {"
            + m.group(1)
            + "}; known: "
            + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList();
      }
    }
    return null;
  }

  /** {@code template} with each placeholder replaced by its value in {@code values}. */
  public static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 32);
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "?" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
