package dev.vigil.server.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in the config file: a whole number and a unit, {@code 90s}, {@code 24h}. */
final class DurationText {
  private static final Pattern FORM = Pattern.compile("^(\\d{1,9})(ms|s|m|h|d)$");

  private DurationText() {}

  /** Parses {@code text}; throws naming {@code where} and the accepted units on anything else. */
  static Duration parse(String text, String where) {
    Matcher m = text == null ? null : FORM.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new ConfigException(
          where + ": '" + text + "' is not a duration (a whole number and ms, s, m, h or d: 24h)");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
