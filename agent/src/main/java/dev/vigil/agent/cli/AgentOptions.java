package dev.vigil.agent.cli;

import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.config.AgentConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command shares. Settings come from {@code --config} file, then the environment,
 * then these flags, each overriding the one before.
 */
public final class AgentOptions {
  /** The system property OSHI reads (once per JVM) for its sysfs root. */
  public static final String OSHI_SYS_PATH_PROPERTY = "oshi.util.sys.path";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file (relay.url, token, host.name, labels, sample.interval, inventory.interval, state.dir, sysfs.root).")
  Path configFile;

  @Option(
      names = "--relay",
      paramLabel = "URL",
      description = "Relay WebSocket URL, e.g. ws://relay:8787 (env VIGIL_RELAY_URL).")
  String relay;

  @Option(names = "--token", description = "Agent token (env VIGIL_TOKEN).")
  String token;

  @Option(names = "--name", description = "Host name shown on dashboards (env VIGIL_HOST_NAME).")
  String name;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "A label; repeatable (env VIGIL_LABELS=k=v,k2=v2).")
  List<String> labels;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description = "Sample interval, e.g. 1s or 500ms (env VIGIL_SAMPLE_INTERVAL).")
  String interval;

  @Option(
      names = "--inventory-interval",
      paramLabel = "DURATION",
      description = "Inventory scan interval, e.g. 2s (env VIGIL_INVENTORY_INTERVAL).")
  String inventoryInterval;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the host id and the store-and-forward buffer are kept (env VIGIL_STATE_DIR).")
  String stateDir;

  @Option(
      names = "--buffer-max-bytes",
      paramLabel = "SIZE",
      description =
          "Size bound of the store-and-forward buffer that keeps samples and events while the"
              + " relay is unreachable, e.g. 256M (default; more than 24 h at 1 Hz) (env"
              + " VIGIL_BUFFER_MAX_BYTES).")
  String bufferMaxBytes;

  @Option(
      names = "--sysfs-root",
      paramLabel = "DIR",
      description =
          "Sysfs root for OSHI, hwmon, LEDs, power supplies, disks, network and USB (env"
              + " VIGIL_SYSFS_ROOT).")
  String sysfsRoot;

  @Option(
      names = "--relay-http",
      paramLabel = "URL",
      description =
          "The relay's HTTP address for the HTTP fallback used when a proxy refuses WebSocket;"
              + " default: the WebSocket address's host, port plus one (env VIGIL_RELAY_HTTP_URL).")
  String relayHttp;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description =
          "Listen mode: do not dial; wait for the relay to dial this address, e.g. :8790 (env"
              + " VIGIL_LISTEN).")
  String listen;

  @Option(
      names = "--listen-allow",
      paramLabel = "ADDRESSES",
      description =
          "In listen mode, the comma-separated addresses of relays allowed to dial in, or * for"
              + " any; default 127.0.0.1 (env VIGIL_LISTEN_ALLOW).")
  String listenAllow;

  /** The flags given, as settings with the loader's keys. */
  Map<String, String> flagSettings() {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, AgentConfigLoader.RELAY_URL, relay);
    put(out, AgentConfigLoader.TOKEN, token);
    put(out, AgentConfigLoader.HOST_NAME, name);
    if (labels != null && !labels.isEmpty()) {
      out.put(AgentConfigLoader.LABELS, String.join(",", labels));
    }
    put(out, AgentConfigLoader.SAMPLE_INTERVAL, interval);
    put(out, AgentConfigLoader.INVENTORY_INTERVAL, inventoryInterval);
    put(out, AgentConfigLoader.STATE_DIR, stateDir);
    put(out, AgentConfigLoader.SYSFS_ROOT, sysfsRoot);
    put(out, AgentConfigLoader.BUFFER_MAX_BYTES, bufferMaxBytes);
    put(out, AgentConfigLoader.RELAY_HTTP_URL, relayHttp);
    put(out, AgentConfigLoader.LISTEN, listen);
    put(out, AgentConfigLoader.LISTEN_ALLOW, listenAllow);
    return out;
  }

  /**
   * The configuration from file, environment and flags. A sysfs root, if set anywhere, is handed to
   * OSHI before any OSHI class loads, so OSHI and Vigil's own readers read the same tree.
   */
  AgentConfig resolve(Map<String, String> env) {
    Map<String, String> file =
        configFile == null ? Map.of() : AgentConfigLoader.readFile(configFile);
    Map<String, String> fromEnv = AgentConfigLoader.fromEnvironment(env);
    Map<String, String> flags = flagSettings();
    String root = AgentConfigLoader.lastValue(AgentConfigLoader.SYSFS_ROOT, file, fromEnv, flags);
    if (root != null) {
      System.setProperty(OSHI_SYS_PATH_PROPERTY, Path.of(root).toAbsolutePath().toString());
    }
    return AgentConfigLoader.apply(AgentConfig.defaults(), file, fromEnv, flags);
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
