package dev.vigil.bench.report;

import java.util.List;

/** The systems under test, in the order tables and charts show them. */
public final class Systems {
  public static final String VIGIL = "vigil";
  public static final String BARE = "bare";
  public static final String MOSQUITTO = "mosquitto";

  /** Display order. */
  public static final List<String> ORDER = List.of(VIGIL, BARE, MOSQUITTO);

  private Systems() {}

  /** The name shown to readers. */
  public static String label(String system) {
    return switch (system) {
      case VIGIL -> "Vigil relay";
      case BARE -> "bare Java-WebSocket";
      case MOSQUITTO -> "Mosquitto (MQTT/WS)";
      default -> system;
    };
  }
}
