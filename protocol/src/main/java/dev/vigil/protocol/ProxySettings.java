package dev.vigil.protocol;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which HTTP proxy a link to the relay should go through, from the standard environment settings
 * every Linux tool reads: {@code https_proxy} for {@code wss://} and {@code https://}, {@code
 * http_proxy} for {@code ws://} and {@code http://} (lower case first, then upper case), with
 * optional credentials ({@code http://user:password@proxy:3128}, percent-encoded), and {@code
 * no_proxy}: a comma list of entries reached directly — a host, a domain suffix ({@code
 * .example.com} or {@code example.com}), either with {@code :port} to exempt that port only, an IP
 * address or CIDR range (IPv4 {@code 10.0.0.0/8}, IPv6 {@code fd00::/8}, {@code [::1]}) matched
 * against IP-literal targets (no name is resolved), or {@code *}. Only parses; opens nothing.
 */
public final class ProxySettings {
  private static final int DEFAULT_PROXY_PORT = 3128;

  private ProxySettings() {}

  /**
   * An HTTP proxy, with the credentials to give it if it asks (null when none).
   *
   * @param address where the proxy listens (unresolved: the proxy's name is looked up on connect)
   * @param user the user name for Basic authentication, or null
   * @param password the password, or null
   */
  public record HttpProxy(InetSocketAddress address, String user, String password) {
    /** True when credentials were given. */
    public boolean hasCredentials() {
      return user != null;
    }

    /** The address and, without the password, the user, for logs. */
    @Override
    public String toString() {
      return (user == null ? "" : user + "@") + address.getHostString() + ":" + address.getPort();
    }
  }

  /**
   * The proxy for {@code target} with its credentials, if the environment names one and {@code
   * no_proxy} does not exempt the target.
   *
   * @throws IllegalArgumentException when the proxy setting cannot be read, naming it
   */
  public static Optional<HttpProxy> proxyFor(URI target, Map<String, String> env) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("wss") || scheme.equals("https");
    String name = secure ? "https_proxy" : "http_proxy";
    String value = first(env, name, name.toUpperCase(Locale.ROOT));
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String host = target.getHost();
    int port = target.getPort() > 0 ? target.getPort() : defaultPort(scheme);
    if (host != null && exempt(host, port, first(env, "no_proxy", "NO_PROXY"))) {
      return Optional.empty();
    }
    return Optional.of(parse(name, value.trim()));
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "wss", "https" -> 443;
      default -> 80;
    };
  }

  /**
   * The proxy for {@code target}, if the environment names one and {@code no_proxy} does not exempt
   * the target's host.
   *
   * @throws IllegalArgumentException when the proxy setting cannot be read, naming it
   */
  public static Optional<InetSocketAddress> forTarget(URI target, Map<String, String> env) {
    return proxyFor(target, env).map(HttpProxy::address);
  }

  private static String first(Map<String, String> env, String lower, String upper) {
    String v = env.get(lower);
    return v != null ? v : env.get(upper);
  }

  static boolean exempt(String host, String noProxy) {
    return exempt(host, -1, noProxy);
  }

  /** Whether {@code no_proxy} exempts {@code host} on {@code port} (-1: any port). */
  static boolean exempt(String host, int port, String noProxy) {
    if (noProxy == null || noProxy.isBlank()) {
      return false;
    }
    String h = stripBrackets(host.toLowerCase(Locale.ROOT));
    byte[] hostIp = ipLiteral(h);
    for (String raw : noProxy.split(",")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*")) {
        return true;
      }
      int entryPort = -1;
      if (entry.startsWith("[")) {
        int close = entry.indexOf(']');
        if (close > 0 && entry.startsWith(":", close + 1)) {
          entryPort = portOf(entry.substring(close + 2));
          entry = entry.substring(0, close + 1);
        }
      } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
        int colon = entry.indexOf(':');
        entryPort = portOf(entry.substring(colon + 1));
        entry = entry.substring(0, colon);
      }
      if (entryPort >= 0 && port >= 0 && entryPort != port) {
        continue;
      }
      entry = stripBrackets(entry);
      if (hostIp != null && matchesIp(hostIp, entry)) {
        return true;
      }
      String bare = entry.startsWith(".") ? entry.substring(1) : entry;
      if (h.equals(bare) || h.endsWith("." + bare)) {
        return true;
      }
    }
    return false;
  }

  private static int portOf(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String stripBrackets(String text) {
    return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
  }

  /** An IPv4 or IPv6 literal's bytes, or null for a name (never looked up). */
  private static byte[] ipLiteral(String text) {
    boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9a-f:.]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return java.net.InetAddress.getByName(text).getAddress(); // a literal: no lookup
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /** Whether {@code ip} is the address {@code entry}, or inside the CIDR range {@code entry}. */
  private static boolean matchesIp(byte[] ip, String entry) {
    int slash = entry.indexOf('/');
    byte[] net = ipLiteral(slash < 0 ? entry : entry.substring(0, slash));
    if (net == null || net.length != ip.length) {
      return false;
    }
    int bits = net.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        return false;
      }
      if (bits < 0 || bits > net.length * 8) {
        return false;
      }
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((ip[i / 8] & mask) != (net[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static HttpProxy parse(String name, String value) {
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
    InetSocketAddress address = InetSocketAddress.createUnresolved(uri.getHost(), port);
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      return new HttpProxy(address, null, null);
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    return new HttpProxy(address, user, password);
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(
        text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
