package dev.vigil.server.link;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * A {@link PeerLink} over one Java-WebSocket connection. Holds nothing but the connection: an idle
 * agent costs the relay memory per connection, so the remote address text (wanted only for logs) is
 * built when first asked for.
 */
final class WebSocketPeerLink implements PeerLink {
  private final WebSocket conn;

  /** Null until {@link #remoteAddress} is first called; a benign race builds an equal string. */
  private String remote;

  WebSocketPeerLink(WebSocket conn) {
    this.conn = conn;
  }

  @Override
  public void send(String text) {
    try {
      if (conn.isOpen()) {
        conn.send(text);
      }
    } catch (WebsocketNotConnectedException e) {
      // closed between the check and the send: dropping is the contract
    }
  }

  /**
   * Queues the batch's frames as one buffer, shared with every other peer of the batch, so the
   * selector writes them with one system call. The buffer holds whole frames only, so it cannot
   * split a frame the library queues meanwhile (a pong, a close).
   */
  @Override
  public void send(FrameBatch batch) {
    if (batch.isEmpty() || !conn.isOpen()) {
      return;
    }
    if (conn instanceof WebSocketImpl impl) {
      if (impl.outQueue.offer(batch.frames())) {
        impl.getWebSocketListener().onWriteDemand(impl);
      }
    } else {
      PeerLink.super.send(batch);
    }
  }

  @Override
  public void close(int code, String reason) {
    conn.close(code, CloseReason.trim(reason));
  }

  @Override
  public void abort(int code, String reason) {
    conn.closeConnection(code, CloseReason.trim(reason));
  }

  @Override
  public boolean isOpen() {
    return conn.isOpen();
  }

  @Override
  public int queuedWrites() {
    return conn instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  @Override
  public long queuedBytes() {
    if (!(conn instanceof WebSocketImpl impl)) {
      return 0;
    }
    long bytes = 0;
    for (java.nio.ByteBuffer buffer : impl.outQueue) {
      bytes += buffer.remaining(); // the write thread may be draining it: an estimate, as meant
    }
    return bytes;
  }

  @Override
  public String remoteAddress() {
    String text = remote;
    if (text == null) {
      // The channel keeps its remote address after it closes, so this works for closed peers too.
      text = String.valueOf(conn.getRemoteSocketAddress());
      remote = text;
    }
    return text;
  }

  @Override
  public String toString() {
    return "ws:" + remoteAddress();
  }
}
