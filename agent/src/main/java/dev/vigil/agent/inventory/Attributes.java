package dev.vigil.agent.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds device attribute maps, leaving out values the platform did not report. */
final class Attributes {
  private final Map<String, String> map = new LinkedHashMap<>();

  Attributes put(String key, Object value) {
    if (value != null) {
      String s = value.toString().trim();
      if (!s.isEmpty() && !s.equalsIgnoreCase("unknown")) {
        map.put(key, s);
      }
    }
    return this;
  }

  Map<String, String> build() {
    return map;
  }

  /** 1 or 0 for a flag, null when unknown. */
  static String flag(Boolean b) {
    return b == null ? null : b ? "1" : "0";
  }

  /** The first non-blank of the values, or {@code fallback}. */
  static String firstNonBlank(String fallback, String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank() && !v.equalsIgnoreCase("unknown")) {
        return v.trim();
      }
    }
    return fallback;
  }
}
