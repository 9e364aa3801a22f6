package dev.vigil.protocol;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which HTTP proxy a link to the relay should tunnel through (HTTP CONNECT), from the standard
 * environment settings every Linux tool reads: {@code https_proxy} for {@code wss://}, {@code
 * http_proxy} for {@code ws://} (lower case first, then upper case), and {@code no_proxy}: a comma
 * list of hosts, domain suffixes ({@code .example.com} or {@code example.com}) or {@code *}, that
 * are reached directly. Only parses; opens nothing.
 */
public final class ProxySettings {
  private static final int DEFAULT_PROXY_PORT = 3128;

  private ProxySettings() {}

  /**
   * The proxy for {@code target}, if the environment names one and {@code no_proxy} does not exempt
   * the target's host.
   *
   * @throws IllegalArgumentException when the proxy setting cannot be read, naming it
   */
  public static Optional<InetSocketAddress> forTarget(URI target, Map<String, String> env) {
    boolean secure = "wss".equalsIgnoreCase(target.getScheme());
    String name = secure ? "https_proxy" : "http_proxy";
    String value = first(env, name, name.toUpperCase(Locale.ROOT));
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String host = target.getHost();
    if (host != null && exempt(host, first(env, "no_proxy", "NO_PROXY"))) {
      return Optional.empty();
    }
    return Optional.of(parse(name, value.trim()));
  }

  private static String first(Map<String, String> env, String lower, String upper) {
    String v = env.get(lower);
    return v != null ? v : env.get(upper);
  }

  static boolean exempt(String host, String noProxy) {
    if (noProxy == null || noProxy.isBlank()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String raw : noProxy.split(",")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*")) {
        return true;
      }
      String bare = entry.startsWith(".") ? entry.substring(1) : entry;
      if (h.equals(bare) || h.endsWith("." + bare)) {
        return true;
      }
    }
    return false;
  }

  private static InetSocketAddress parse(String name, String value) {
    String withScheme = value.contains("://") ? value : "http://" + value;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a proxy address", e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          name + " '" + value + "': only http:// proxies (HTTP CONNECT) are supported");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(name + " '" + value + "' names no host");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PROXY_PORT;
    return InetSocketAddress.createUnresolved(uri.getHost(), port);
  }
}
