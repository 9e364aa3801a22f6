package dev.vigil.link;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * A {@link Channel} over one Java-WebSocket connection, whichever end dialled: a client the link
 * dialled ({@link WebSocketChannel}) or a connection the relay dialled in ({@link
 * ChannelAcceptor}).
 */
final class ConnectionChannel implements Channel {
  private final WebSocket conn;
  private final String description;
  private final CountDownLatch closed = new CountDownLatch(1);

  ConnectionChannel(WebSocket conn, String description) {
    this.conn = conn;
    this.description = description;
  }

  /** Called by the transport when the connection has closed. */
  void markClosed() {
    closed.countDown();
  }

  @Override
  public Transport transport() {
    return Transport.WEBSOCKET;
  }

  @Override
  public boolean send(String text) {
    try {
      if (!conn.isOpen()) {
        return false;
      }
      conn.send(text);
      return true;
    } catch (WebsocketNotConnectedException e) {
      return false; // closed between the check and the send
    }
  }

  @Override
  public int queuedWrites() {
    WebSocket impl = conn instanceof WebSocketClient client ? client.getConnection() : conn;
    return impl instanceof WebSocketImpl w ? w.outQueue.size() : 0;
  }

  @Override
  public boolean isOpen() {
    return conn.isOpen();
  }

  @Override
  public void close(int code, String reason) {
    conn.close(code, reason);
  }

  @Override
  public void abort(int code, String reason) {
    conn.closeConnection(code, reason);
  }

  @Override
  public boolean awaitClosed(long timeoutMs) throws InterruptedException {
    return closed.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
