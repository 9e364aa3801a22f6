package dev.vigil.agent.link;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket connection attempt to the relay: plain RFC 6455 (no permessage-deflate),
 * TCP_NODELAY on, the library's own ping disabled (the link runs the protocol heartbeat). Hands
 * every callback to its {@link WebSocketAgentLink}, tagged with itself so callbacks of old
 * connections are ignored.
 */
final class RelayConnection extends WebSocketClient {
  private final WebSocketAgentLink link;

  /**
   * @param proxy an HTTP proxy to tunnel through with CONNECT, or empty to connect directly
   */
  RelayConnection(URI relayUri, WebSocketAgentLink link, Optional<InetSocketAddress> proxy) {
    super(relayUri, new Draft_6455());
    this.link = link;
    proxy.ifPresent(p -> setDnsResolver(null)); // the proxy resolves the relay's name
    proxy.ifPresent(
        p ->
            setProxy(
                new Proxy(Proxy.Type.HTTP, new InetSocketAddress(p.getHostString(), p.getPort()))));
    setTcpNoDelay(true);
    setConnectionLostTimeout(0);
    setDaemon(true);
  }

  /** Writes queued on this connection and not yet taken by the socket. */
  int queuedWrites() {
    return getConnection() instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  /** Counted down when this connection has closed, for whatever reason. */
  final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

  @Override
  public void onOpen(ServerHandshake handshake) {
    link.onOpen(this);
  }

  @Override
  public void onMessage(String text) {
    link.onText(this, text);
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    link.onBinary(this);
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closed.countDown();
    link.onClosed(this, code, reason, remote);
  }

  @Override
  public void onError(Exception e) {
    link.onError(this, e);
  }
}
