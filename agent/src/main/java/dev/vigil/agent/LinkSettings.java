package dev.vigil.agent;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the agent reaches the relay beyond its WebSocket address.
 *
 * @param relayHttpUri the relay's HTTP address for the HTTP fallback; empty means the default next
 *     to the WebSocket address (port plus one)
 * @param listen listen mode: the address the agent listens on for the relay to dial in; empty means
 *     the agent dials
 * @param listenAllow in listen mode, the addresses or names of relays allowed to dial in ({@code *}
 *     for any)
 */
public record LinkSettings(
    Optional<URI> relayHttpUri, Optional<InetSocketAddress> listen, List<String> listenAllow) {
  /** Dial the relay, HTTP side at its default place. */
  public static final LinkSettings DIAL =
      new LinkSettings(Optional.empty(), Optional.empty(), List.of());

  public LinkSettings {
    Objects.requireNonNull(relayHttpUri, "relayHttpUri");
    Objects.requireNonNull(listen, "listen");
    listenAllow = List.copyOf(listenAllow);
    relayHttpUri.ifPresent(
        uri -> {
          if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                "relay HTTP URL must start with http:// or https://: " + uri);
          }
        });
    if (listen.isPresent() && listenAllow.isEmpty()) {
      throw new IllegalArgumentException(
          "listen mode needs listen.allow: the addresses of the relays allowed to dial in (their"
              + " hello carries this agent's token), or * for any");
    }
  }

  public LinkSettings withRelayHttpUri(URI uri) {
    return new LinkSettings(Optional.of(uri), listen, listenAllow);
  }

  /** Listen mode on {@code address}, admitting {@code allow}. */
  public LinkSettings withListen(InetSocketAddress address, List<String> allow) {
    return new LinkSettings(relayHttpUri, Optional.of(address), allow);
  }
}
