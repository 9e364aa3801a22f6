package dev.vigil.bench.ws;

import java.io.IOException;

/** The server broke RFC 6455 (a bad handshake answer or a malformed frame); the connection ends. */
public final class WsProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  public WsProtocolException(String message) {
    super(message);
  }
}
