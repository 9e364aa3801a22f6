package dev.vigil.ui.app;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the dashboard reaches the relay beyond its WebSocket address, given at launch.
 *
 * @param relayHttpUri the relay's HTTP address for the SSE and long-polling fallbacks; empty means
 *     the default next to the WebSocket address (port plus one)
 * @param listen listen mode: wait for the relay to dial this address instead of dialling
 * @param listenAllow in listen mode, the relays allowed to dial in ({@code *} for any)
 */
public record LinkOptions(
    Optional<URI> relayHttpUri, Optional<InetSocketAddress> listen, List<String> listenAllow) {
  /** Dial, HTTP side at its default place. */
  public static final LinkOptions DIAL =
      new LinkOptions(Optional.empty(), Optional.empty(), List.of());

  /** Who may dial in when listen mode names nobody: only this machine. */
  public static final List<String> DEFAULT_LISTEN_ALLOW = List.of("127.0.0.1");

  public LinkOptions {
    Objects.requireNonNull(relayHttpUri, "relayHttpUri");
    Objects.requireNonNull(listen, "listen");
    listenAllow = listenAllow.isEmpty() ? DEFAULT_LISTEN_ALLOW : List.copyOf(listenAllow);
  }
}
