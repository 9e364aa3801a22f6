package dev.vigil.link;

import dev.vigil.protocol.ProxySettings.HttpProxy;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers an HTTP proxy's request for credentials (407) with those its setting named ({@code
 * http://user:password@proxy:3128}), for WebSocket tunnels (HTTP CONNECT through the JDK's proxied
 * socket) and for the HTTP transports (the JDK's HTTP client). Answers only the proxy the
 * credentials were given for, never a relay or another host. Basic authentication for tunnels is
 * off in the JDK by default ({@code jdk.http.auth.tunneling.disabledSchemes}); a proxy with
 * credentials turns it on for this process unless that property was set explicitly.
 */
public final class ProxyCredentials {
  private static final String TUNNELING_DISABLED_SCHEMES =
      "jdk.http.auth.tunneling.disabledSchemes";
  private static final Map<String, PasswordAuthentication> BY_PROXY = new ConcurrentHashMap<>();
  private static final Authenticator AUTHENTICATOR = new ProxyOnly();
  private static boolean installed;

  private ProxyCredentials() {}

  /** Remembers {@code proxy}'s credentials, if it has any, and makes sure they are offered. */
  public static synchronized void register(HttpProxy proxy) {
    if (!proxy.hasCredentials()) {
      return;
    }
    BY_PROXY.put(
        key(proxy.address().getHostString(), proxy.address().getPort()),
        new PasswordAuthentication(proxy.user(), proxy.password().toCharArray()));
    if (!installed) {
      if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
        System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
      }
      Authenticator.setDefault(AUTHENTICATOR);
      installed = true;
    }
  }

  /** The authenticator for an HTTP client that goes through a registered proxy. */
  public static Authenticator authenticator() {
    return AUTHENTICATOR;
  }

  private static String key(String host, int port) {
    return host.toLowerCase(java.util.Locale.ROOT) + ":" + port;
  }

  private static final class ProxyOnly extends Authenticator {
    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
      if (getRequestorType() != RequestorType.PROXY) {
        return null;
      }
      return BY_PROXY.get(key(getRequestingHost(), getRequestingPort()));
    }
  }
}
