package dev.vigil.agent;

import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.protocol.Protocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import oshi.util.platform.linux.SysPath;

/**
 * Everything an agent needs to run.
 *
 * @param relayUri the relay's WebSocket address, {@code ws://} or {@code wss://}
 * @param token the agent token configured on the relay
 * @param hostName the name shown for this host
 * @param labels free-form labels, e.g. {@code rack=a3}
 * @param sampleInterval time between samples
 * @param inventoryInterval time between inventory scans (hot-plug detection)
 * @param stateDir where the persistent host id lives
 * @param sysfsRoot the sysfs root read for hwmon, LEDs, power supplies, disks, network and USB
 * @param simulated true only for simulated hosts
 * @param bufferMaxBytes size bound of the store-and-forward buffer in {@code stateDir/buffer}
 * @param link the relay's HTTP side and listen mode
 */
public record AgentConfig(
    URI relayUri,
    String token,
    String hostName,
    Map<String, String> labels,
    Duration sampleInterval,
    Duration inventoryInterval,
    Path stateDir,
    Path sysfsRoot,
    boolean simulated,
    long bufferMaxBytes,
    LinkSettings link) {

  /** Default time between samples. */
  public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(1);

  /** Default time between inventory scans. */
  public static final Duration DEFAULT_INVENTORY_INTERVAL = Duration.ofSeconds(2);

  /** Shortest accepted sample or inventory interval. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  public AgentConfig {
    Objects.requireNonNull(relayUri, "relayUri");
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(sampleInterval, "sampleInterval");
    Objects.requireNonNull(inventoryInterval, "inventoryInterval");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(sysfsRoot, "sysfsRoot");
    link = link == null ? LinkSettings.DIAL : link;
    token = token == null ? "" : token;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    String scheme = relayUri.getScheme();
    if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
      throw new IllegalArgumentException("relay URI must start with ws:// or wss://: " + relayUri);
    }
    if (bufferMaxBytes < DiskSpool.MIN_MAX_BYTES) {
      throw new IllegalArgumentException(
          "buffer size must be at least "
              + DiskSpool.MIN_MAX_BYTES
              + " bytes, got "
              + bufferMaxBytes);
    }
    if (sampleInterval.compareTo(MIN_INTERVAL) < 0
        || inventoryInterval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "intervals must be at least "
              + MIN_INTERVAL.toMillis()
              + " ms, got sample "
              + sampleInterval.toMillis()
              + " ms, inventory "
              + inventoryInterval.toMillis()
              + " ms");
    }
  }

  /**
   * Defaults: relay {@code ws://localhost:8787}, no token, this machine's host name, sample every 1
   * s, inventory every 2 s, state in {@code ~/.vigil/agent}, sysfs root as OSHI reads it ({@code
   * oshi.util.sys.path}, default {@code /sys}).
   */
  public static AgentConfig defaults() {
    return new AgentConfig(
        URI.create("ws://localhost:" + Protocol.DEFAULT_RELAY_PORT),
        "",
        localHostName(),
        Map.of(),
        DEFAULT_SAMPLE_INTERVAL,
        DEFAULT_INVENTORY_INTERVAL,
        Path.of(System.getProperty("user.home"), ".vigil", "agent"),
        Path.of(SysPath.SYS),
        false,
        DiskSpool.DEFAULT_MAX_BYTES,
        LinkSettings.DIAL);
  }

  public AgentConfig withRelayUri(URI uri) {
    return new AgentConfig(
        uri,
        token,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withToken(String newToken) {
    return new AgentConfig(
        relayUri,
        newToken,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withHostName(String name) {
    return new AgentConfig(
        relayUri,
        token,
        name,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withLabels(Map<String, String> newLabels) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        newLabels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withSampleInterval(Duration interval) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        interval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withInventoryInterval(Duration interval) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        sampleInterval,
        interval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withStateDir(Path dir) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        dir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        link);
  }

  public AgentConfig withSysfsRoot(Path root) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        root,
        simulated,
        bufferMaxBytes,
        link);
  }

  /** This config with another store-and-forward buffer size bound. */
  public AgentConfig withBufferMaxBytes(long maxBytes) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        maxBytes,
        link);
  }

  /** This config marked simulated (or not). */
  public AgentConfig withSimulated(boolean isSimulated) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        isSimulated,
        bufferMaxBytes,
        link);
  }

  /** This machine's host name: {@code HOSTNAME}, {@code /etc/hostname}, then the resolver. */
  static String localHostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      String file = java.nio.file.Files.readString(Path.of("/etc/hostname")).trim();
      if (!file.isEmpty()) {
        return file;
      }
    } catch (IOException | SecurityException e) {
      // not Linux, or unreadable: ask the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  public AgentConfig withLink(LinkSettings newLink) {
    return new AgentConfig(
        relayUri,
        token,
        hostName,
        labels,
        sampleInterval,
        inventoryInterval,
        stateDir,
        sysfsRoot,
        simulated,
        bufferMaxBytes,
        newLink);
  }
}
