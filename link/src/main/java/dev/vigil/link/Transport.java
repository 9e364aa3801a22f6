package dev.vigil.link;

/** How a link reaches the relay, best first: the order the {@link TransportLadder} tries them. */
public enum Transport {
  /** One full-duplex WebSocket connection. */
  WEBSOCKET("WebSocket"),
  /** Server-Sent Events down, batched HTTP POSTs up. */
  SSE("Server-Sent Events"),
  /** Long-polling GETs down, batched HTTP POSTs up: passes any proxy that passes plain requests. */
  LONG_POLL("long-polling");

  private final String displayName;

  Transport(String displayName) {
    this.displayName = displayName;
  }

  /** The name shown to operators and written in logs. */
  public String displayName() {
    return displayName;
  }

  /** True when this transport rides on plain HTTP requests to the relay's HTTP port. */
  public boolean isHttp() {
    return this != WEBSOCKET;
  }
}
