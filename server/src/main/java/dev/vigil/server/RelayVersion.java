package dev.vigil.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The relay's software version, from the build. */
public final class RelayVersion {
  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code "unknown"} when built without resources. */
  public static final String VERSION = load();

  private RelayVersion() {}

  private static String load() {
    try (InputStream in = RelayVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
