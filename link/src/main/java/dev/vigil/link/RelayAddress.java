package dev.vigil.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a relay listens: its WebSocket address and its HTTP address (health, API and the HTTP link
 * transports). By default the HTTP port is the WebSocket port plus one, as the relay's defaults are
 * (8787 and 8788), on the same host.
 *
 * @param webSocketUri {@code ws://} or {@code wss://}
 * @param httpUri {@code http://} or {@code https://}
 */
public record RelayAddress(URI webSocketUri, URI httpUri) {
  public RelayAddress {
    Objects.requireNonNull(webSocketUri, "webSocketUri");
    Objects.requireNonNull(httpUri, "httpUri");
  }

  /** The address with the HTTP side at its default place next to {@code webSocketUri}. */
  public static RelayAddress of(URI webSocketUri) {
    return new RelayAddress(webSocketUri, defaultHttpUri(webSocketUri));
  }

  /**
   * The relay's default HTTP address for a WebSocket address: same host, {@code http} for {@code
   * ws} and {@code https} for {@code wss}, port plus one.
   */
  public static URI defaultHttpUri(URI webSocketUri) {
    boolean secure = "wss".equalsIgnoreCase(webSocketUri.getScheme());
    int port = webSocketUri.getPort();
    if (port < 0) {
      port = secure ? 443 : 80;
    }
    try {
      return new URI(
          secure ? "https" : "http", null, webSocketUri.getHost(), port + 1, "/", null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot derive an HTTP address from " + webSocketUri, e);
    }
  }
}
