package dev.vigil.agent.collect;

import java.util.Locale;

/** Normalises names from the platform into stable sensor and device id segments. */
public final class SensorIds {
  private SensorIds() {}

  /**
   * A lower-case id segment of letters, digits and underscores, e.g. {@code "Package id 0"} becomes
   * {@code package_id_0}; empty input becomes {@code unnamed}.
   */
  public static String segment(String raw) {
    if (raw == null) {
      return "unnamed";
    }
    String s = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    s = s.replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "unnamed" : s;
  }

  /**
   * A mount point as an id segment: {@code /} is {@code root}, {@code /var/lib} is {@code var_lib}.
   */
  public static String mount(String mountPoint) {
    if (mountPoint == null || mountPoint.isBlank() || mountPoint.equals("/")) {
      return "root";
    }
    return segment(mountPoint);
  }
}
