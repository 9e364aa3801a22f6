package dev.vigil.ui.connection;

import dev.vigil.link.RelayAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom the dashboard connects.
 *
 * @param uri the relay's WebSocket address, {@code ws://} or {@code wss://}
 * @param token the operator token
 * @param peerId this dashboard's persisted instance id
 * @param operatorName the operator's name, sent in the hello
 * @param httpUri the relay's HTTP address, for the Server-Sent Events and long-polling fallbacks
 */
public record RelayEndpoint(
    URI uri, String token, String peerId, String operatorName, URI httpUri) {
  public RelayEndpoint {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(httpUri, "httpUri");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(operatorName, "operatorName");
  }

  /** An endpoint whose HTTP side is at the default place next to {@code uri} (port plus one). */
  public RelayEndpoint(URI uri, String token, String peerId, String operatorName) {
    this(uri, token, peerId, operatorName, RelayAddress.defaultHttpUri(uri));
  }

  /** Both of the relay's addresses. */
  public RelayAddress address() {
    return new RelayAddress(uri, httpUri);
  }

  /**
   * Checks a relay address as typed by an operator.
   *
   * @return the problem, or empty when the address is a usable {@code ws://} or {@code wss://} URL
   */
  public static Optional<String> problemWith(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("relay URL is empty");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.of("relay URL is not a valid URI: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("ws") || scheme.equals("wss"))) {
      return Optional.of("relay URL must start with ws:// or wss://, got '" + url.trim() + "'");
    }
    if (uri.getHost() == null) {
      return Optional.of("relay URL has no host: '" + url.trim() + "'");
    }
    return Optional.empty();
  }
}
