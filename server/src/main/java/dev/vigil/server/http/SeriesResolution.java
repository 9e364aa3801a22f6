package dev.vigil.server.http;

import java.time.Duration;
import java.util.Locale;

/** The resolutions {@code GET /api/series/<host>/<sensor>} serves. */
enum SeriesResolution {
  RAW("raw"),
  MINUTE("1m"),
  AUTO("auto");

  /** Longest range {@link #AUTO} serves raw: 6 hours. */
  public static final Duration AUTO_RAW_MAX_RANGE = Duration.ofHours(6);

  private final String wireName;

  SeriesResolution(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the API, e.g. {@code 1m}. */
  String wireName() {
    return wireName;
  }

  /** The resolution named {@code text}; throws naming the parameter on anything else. */
  static SeriesResolution parse(String text) throws QueryParams.BadParameter {
    if (text == null) {
      return AUTO;
    }
    for (SeriesResolution r : values()) {
      if (r.wireName.equals(text.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new QueryParams.BadParameter("resolution", "'" + text + "' is not one of raw, 1m, auto");
  }

  /**
   * Raw or 1m for this request: {@link #AUTO} is raw when the range is at most {@link
   * #AUTO_RAW_MAX_RANGE} and starts within raw retention, else 1m.
   */
  SeriesResolution choose(long fromMs, long toMs, long nowMs, Duration rawRetention) {
    if (this != AUTO) {
      return this;
    }
    boolean shortRange = toMs - fromMs <= AUTO_RAW_MAX_RANGE.toMillis();
    boolean rawHeld = fromMs >= nowMs - rawRetention.toMillis();
    return shortRange && rawHeld ? RAW : MINUTE;
  }
}
