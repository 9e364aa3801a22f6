package dev.vigil.server.link;

import java.util.Collection;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;

/** A {@link PeerLink} over one Java-WebSocket connection. */
final class WebSocketPeerLink implements PeerLink {
  private final WebSocket conn;
  private final String remote;

  WebSocketPeerLink(WebSocket conn) {
    this.conn = conn;
    this.remote = String.valueOf(conn.getRemoteSocketAddress());
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

  /** Queues frames already built for another peer too; see {@link FanOut}. */
  void sendFrames(Collection<Framedata> frames) {
    try {
      if (conn.isOpen()) {
        conn.sendFrame(frames);
      }
    } catch (WebsocketNotConnectedException e) {
      // closed between the check and the send: dropping is the contract
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
  public int queuedMessages() {
    return conn instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  @Override
  public String remoteAddress() {
    return remote;
  }

  @Override
  public String toString() {
    return "ws:" + remote;
  }
}
