package dev.vigil.ui.format;

import dev.vigil.protocol.SensorUnit;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns values, times and durations into the short strings the dashboard shows. Stateless. */
public final class Formats {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_CLOCK = DateTimeFormatter.ofPattern("MMM d HH:mm:ss");
  private static final long MS_PER_SECOND = 1_000;
  private static final long SECONDS_PER_MINUTE = 60;
  private static final long SECONDS_PER_HOUR = 3_600;
  private static final long SECONDS_PER_DAY = 86_400;
  private static final double BYTES_PER_KIB = 1024.0;
  private static final String[] BYTE_PREFIXES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Formats() {}

  /** A value in its unit, with as many decimals as the unit deserves, e.g. "62.5 °C". */
  public static String value(double value, SensorUnit unit) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "invalid (" + value + ")";
    }
    return switch (unit) {
      case CELSIUS -> fixed(value, 1) + " " + unit.symbol();
      case VOLTS -> fixed(value, 3) + " " + unit.symbol();
      case RPM -> fixed(value, 0) + " " + unit.symbol();
      case WATTS -> fixed(value, 1) + " " + unit.symbol();
      case AMPERES -> fixed(value, 2) + " " + unit.symbol();
      case PERCENT -> fixed(value, 1) + " " + unit.symbol();
      case BYTES -> bytes(value);
      case BYTES_PER_SECOND -> bytes(value) + "/s";
      case SECONDS -> duration((long) value);
    };
  }

  /** A number without a known unit, with up to three decimals, e.g. "0.125". */
  public static String number(double value) {
    String text = fixed(value, 3);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  /** A byte count with a binary prefix, e.g. "1.5 GiB". */
  public static String bytes(double bytes) {
    double scaled = bytes;
    int prefix = 0;
    while (Math.abs(scaled) >= BYTES_PER_KIB && prefix < BYTE_PREFIXES.length - 1) {
      scaled /= BYTES_PER_KIB;
      prefix++;
    }
    return fixed(scaled, prefix == 0 ? 0 : 1) + " " + BYTE_PREFIXES[prefix];
  }

  /** A duration in seconds, in its two largest units, e.g. "3 d 4 h", "12 min 5 s", "7 s". */
  public static String duration(long seconds) {
    if (seconds < SECONDS_PER_MINUTE) {
      return seconds + " s";
    }
    if (seconds < SECONDS_PER_HOUR) {
      return seconds / SECONDS_PER_MINUTE + " min " + seconds % SECONDS_PER_MINUTE + " s";
    }
    if (seconds < SECONDS_PER_DAY) {
      return seconds / SECONDS_PER_HOUR
          + " h "
          + (seconds % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE
          + " min";
    }
    return seconds / SECONDS_PER_DAY
        + " d "
        + (seconds % SECONDS_PER_DAY) / SECONDS_PER_HOUR
        + " h";
  }

  /** How long ago something happened, e.g. "4 s ago"; "just now" under a second. */
  public static String ago(long thenMs, long nowMs) {
    long deltaMs = Math.max(0, nowMs - thenMs);
    if (deltaMs < MS_PER_SECOND) {
      return "just now";
    }
    return duration(deltaMs / MS_PER_SECOND) + " ago";
  }

  /** Wall-clock time of day, e.g. "14:03:07". */
  public static String clock(long epochMs, ZoneId zone) {
    return CLOCK.format(Instant.ofEpochMilli(epochMs).atZone(zone));
  }

  /** Date and time of day, e.g. "Mar 4 14:03:07". */
  public static String dateClock(long epochMs, ZoneId zone) {
    return DATE_CLOCK.withLocale(Locale.ROOT).format(Instant.ofEpochMilli(epochMs).atZone(zone));
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
