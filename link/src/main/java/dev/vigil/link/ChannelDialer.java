package dev.vigil.link;

import dev.vigil.protocol.ProxySettings;
import dev.vigil.protocol.ProxySettings.HttpProxy;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens channels to one relay over any {@link Transport}. Each address goes through the HTTP proxy
 * the standard settings name for it ({@code http_proxy}, {@code https_proxy}, {@code no_proxy}),
 * unless {@link #useProxy} says otherwise: WebSocket tunnels with CONNECT, the HTTP transports send
 * plain proxied requests. Thread-safe.
 */
public final class ChannelDialer {
  /** How long one dial may take before it counts as failed. */
  public static final int CONNECT_TIMEOUT_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(ChannelDialer.class);

  private final RelayAddress address;
  private volatile Optional<HttpProxy> webSocketProxy;
  private volatile Optional<HttpProxy> httpProxy;
  private volatile HttpClient http;

  /** A dialer using the proxies the process environment names. */
  public ChannelDialer(RelayAddress address) {
    this(address, System.getenv());
  }

  /** A dialer using the proxies {@code env} names. */
  public ChannelDialer(RelayAddress address, Map<String, String> env) {
    this.address = Objects.requireNonNull(address, "address");
    this.webSocketProxy = ProxySettings.proxyFor(address.webSocketUri(), env);
    this.httpProxy = ProxySettings.proxyFor(address.httpUri(), env);
    webSocketProxy.ifPresent(ProxyCredentials::register);
    httpProxy.ifPresent(ProxyCredentials::register);
    webSocketProxy.ifPresent(
        p -> LOG.info("reaching {} through the HTTP proxy {}", address.webSocketUri(), p));
    httpProxy.ifPresent(
        p -> LOG.info("reaching {} through the HTTP proxy {}", address.httpUri(), p));
  }

  /** The relay this dialer reaches. */
  public RelayAddress address() {
    return address;
  }

  /** Uses {@code proxy} for every transport from the next dial on; empty connects directly. */
  public void useProxy(Optional<InetSocketAddress> proxy) {
    Objects.requireNonNull(proxy, "proxy");
    useHttpProxy(proxy.map(a -> new HttpProxy(a, null, null)));
  }

  /** As {@link #useProxy}, with the credentials to give the proxy when it asks. */
  public void useHttpProxy(Optional<HttpProxy> proxy) {
    Objects.requireNonNull(proxy, "proxy");
    proxy.ifPresent(ProxyCredentials::register);
    this.webSocketProxy = proxy;
    this.httpProxy = proxy;
    this.http = null;
  }

  /** Starts a channel over {@code transport}; returns at once, the listener hears the rest. */
  public Channel open(Transport transport, ChannelListener listener) {
    if (transport == Transport.WEBSOCKET) {
      return WebSocketChannel.dial(
          address.webSocketUri(), webSocketProxy, CONNECT_TIMEOUT_MS, listener);
    }
    HttpChannel channel = new HttpChannel(httpClient(), address.httpUri(), transport, listener);
    channel.connect();
    return channel;
  }

  private HttpClient httpClient() {
    HttpClient client = http;
    if (client == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS));
      httpProxy.ifPresent(
          p -> {
            builder.proxy(ProxySelector.of(p.address()));
            if (p.hasCredentials()) {
              builder.authenticator(ProxyCredentials.authenticator());
            }
          });
      client = builder.build();
      http = client;
    }
    return client;
  }
}
