package dev.vigil.agent.config;

import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.LinkSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds an {@link AgentConfig} from layered settings: a properties file, overridden by the
 * environment ({@code VIGIL_*}), overridden by flags. Every layer uses the same keys, so one piece
 * of code applies them all. Labels from every layer are merged, the later layer winning per key.
 */
public final class AgentConfigLoader {
  public static final String RELAY_URL = "relay.url";
  public static final String TOKEN = "token";
  public static final String HOST_NAME = "host.name";
  public static final String LABELS = "labels";
  public static final String SAMPLE_INTERVAL = "sample.interval";
  public static final String INVENTORY_INTERVAL = "inventory.interval";
  public static final String STATE_DIR = "state.dir";
  public static final String SYSFS_ROOT = "sysfs.root";
  public static final String BUFFER_MAX_BYTES = "buffer.max.bytes";
  public static final String RELAY_HTTP_URL = "relay.http.url";
  public static final String LISTEN = "listen";
  public static final String LISTEN_ALLOW = "listen.allow";

  /** Every known key, in the order of the docs. */
  public static final Set<String> KEYS =
      Set.of(
          RELAY_URL,
          TOKEN,
          HOST_NAME,
          LABELS,
          SAMPLE_INTERVAL,
          INVENTORY_INTERVAL,
          STATE_DIR,
          SYSFS_ROOT,
          BUFFER_MAX_BYTES,
          RELAY_HTTP_URL,
          LISTEN,
          LISTEN_ALLOW);

  private static final String ENV_PREFIX = "VIGIL_";

  private AgentConfigLoader() {}

  /** The settings of a properties file; unknown keys are an error naming the key and the file. */
  public static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '" + key + "' in " + file + "; known keys: " + new TreeSet<>(KEYS));
      }
      out.put(key, p.getProperty(key).trim());
    }
    return out;
  }

  /**
   * The settings found in the environment: {@code VIGIL_RELAY_URL} for {@code relay.url}, {@code
   * VIGIL_TOKEN}, {@code VIGIL_HOST_NAME}, {@code VIGIL_LABELS}, ... (key upper-cased, dots to
   * underscores).
   */
  public static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = env.get(envName(key));
      if (value != null && !value.isBlank()) {
        out.put(key, value.trim());
      }
    }
    return out;
  }

  /** The environment variable for a key, e.g. {@code VIGIL_RELAY_URL}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  /** The value of {@code key} in the last layer that sets it, or null. */
  @SafeVarargs
  public static String lastValue(String key, Map<String, String>... layers) {
    String value = null;
    for (Map<String, String> layer : layers) {
      if (layer.containsKey(key)) {
        value = layer.get(key);
      }
    }
    return value;
  }

  /** {@code base} with every layer applied in order; bad values throw with key and value. */
  @SafeVarargs
  public static AgentConfig apply(AgentConfig base, Map<String, String>... layers) {
    AgentConfig c = base;
    Map<String, String> labels = new LinkedHashMap<>(base.labels());
    for (Map<String, String> layer : layers) {
      for (Map.Entry<String, String> e : layer.entrySet()) {
        String key = e.getKey();
        String value = e.getValue();
        try {
          c = applyOne(c, key, value, labels);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("bad value for " + key + ": " + ex.getMessage(), ex);
        }
      }
    }
    return c.withLabels(labels);
  }

  /** Parses {@code k=v,k2=v2} into labels; each entry needs a non-empty key. */
  public static Map<String, String> parseLabels(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("label '" + p + "' is not key=value");
      }
      out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    return out;
  }

  private static AgentConfig applyOne(
      AgentConfig c, String key, String value, Map<String, String> labels) {
    switch (key) {
      case RELAY_URL:
        return c.withRelayUri(parseUri(value));
      case TOKEN:
        return c.withToken(value);
      case HOST_NAME:
        if (value.isBlank()) {
          throw new IllegalArgumentException("host name must not be empty");
        }
        return c.withHostName(value);
      case LABELS:
        labels.putAll(parseLabels(value));
        return c;
      case SAMPLE_INTERVAL:
        return c.withSampleInterval(DurationParser.parse(value));
      case INVENTORY_INTERVAL:
        return c.withInventoryInterval(DurationParser.parse(value));
      case STATE_DIR:
        return c.withStateDir(Path.of(value));
      case SYSFS_ROOT:
        return c.withSysfsRoot(Path.of(value));
      case BUFFER_MAX_BYTES:
        return c.withBufferMaxBytes(parseBytes(value));
      case RELAY_HTTP_URL:
        return c.withLink(c.link().withRelayHttpUri(parseHttpUri(value)));
      case LISTEN:
        return c.withLink(
            new LinkSettings(
                c.link().relayHttpUri(),
                java.util.Optional.of(parseListen(value)),
                c.link().listenAllow().isEmpty() ? List.of("127.0.0.1") : c.link().listenAllow()));
      case LISTEN_ALLOW:
        return c.withLink(
            new LinkSettings(c.link().relayHttpUri(), c.link().listen(), parseList(value)));
      default:
        throw new IllegalArgumentException("unknown key; known keys: " + new TreeSet<>(KEYS));
    }
  }

  /** A size in bytes, with an optional K, M or G suffix (powers of 1024), e.g. {@code 256M}. */
  static long parseBytes(String value) {
    String v = value.trim().toUpperCase(java.util.Locale.ROOT);
    long unit = 1;
    if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
      unit =
          switch (v.charAt(v.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
          };
      v = v.substring(0, v.length() - 1).trim();
    }
    try {
      long n = Long.parseLong(v);
      if (n <= 0) {
        throw new IllegalArgumentException("'" + value + "' must be a positive size");
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a size in bytes (e.g. 268435456, 256M, 1G)", e);
    }
  }

  private static URI parseHttpUri(String value) {
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("'" + value + "' must start with http:// or https://");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("'" + value + "' is not a valid URL: " + e.getReason(), e);
    }
  }

  /** {@code host:port} or {@code :port} (every interface). */
  static java.net.InetSocketAddress parseListen(String value) {
    int colon = value.lastIndexOf(':');
    try {
      int port = Integer.parseInt(value.substring(colon + 1).trim());
      if (colon < 0 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      String host = value.substring(0, colon).trim();
      return host.isEmpty()
          ? new java.net.InetSocketAddress(port)
          : new java.net.InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "listen address '" + value + "' must be host:port or :port with a port from 1 to 65535");
    }
  }

  private static List<String> parseList(String value) {
    List<String> out = new java.util.ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("listen.allow must name at least one address, or *");
    }
    return out;
  }

  private static URI parseUri(String value) {
    try {
      URI uri = new URI(value);
      if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
        throw new IllegalArgumentException("'" + value + "' must start with ws:// or wss://");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + value + "' is not a URI: " + e.getMessage(), e);
    }
  }
}
