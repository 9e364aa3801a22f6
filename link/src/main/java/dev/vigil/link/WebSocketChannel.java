package dev.vigil.link;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dialled WebSocket {@link Channel}: plain RFC 6455 (no permessage-deflate), TCP_NODELAY on, the
 * library's own ping off (liveness is the protocol's heartbeat), tunnelled through an HTTP proxy
 * with CONNECT when one is given (the proxy then resolves the relay's name).
 */
final class WebSocketChannel implements Channel {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketChannel.class);

  private final Client client;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ChannelListener listener;

  WebSocketChannel(
      URI uri,
      Optional<dev.vigil.protocol.ProxySettings.HttpProxy> proxy,
      int connectTimeoutMs,
      ChannelListener listener) {
    this.listener = listener;
    this.client = new Client(uri, connectTimeoutMs);
    proxy.ifPresent(p -> client.setDnsResolver(null)); // the proxy resolves the relay's name
    proxy.ifPresent(
        p -> {
          if (p.hasCredentials()) {
            client.setSocketFactory(new ProxyTunnel(p, uri, connectTimeoutMs));
          } else {
            InetSocketAddress a = p.address();
            client.setProxy(
                new Proxy(Proxy.Type.HTTP, new InetSocketAddress(a.getHostString(), a.getPort())));
          }
        });
    client.setTcpNoDelay(true);
    client.setConnectionLostTimeout(0);
    client.setDaemon(true);
  }

  void connect() {
    client.connect();
  }

  @Override
  public Transport transport() {
    return Transport.WEBSOCKET;
  }

  @Override
  public boolean send(String text) {
    try {
      if (!client.isOpen()) {
        return false;
      }
      client.send(text);
      return true;
    } catch (WebsocketNotConnectedException e) {
      return false; // closed between the check and the send
    }
  }

  @Override
  public int queuedWrites() {
    return client.getConnection() instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  @Override
  public boolean isOpen() {
    return client.isOpen();
  }

  @Override
  public void close(int code, String reason) {
    client.close(code, reason);
  }

  @Override
  public void abort(int code, String reason) {
    client.closeConnection(code, reason);
  }

  @Override
  public boolean awaitClosed(long timeoutMs) throws InterruptedException {
    return closed.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public String describe() {
    return "WebSocket " + client.getURI();
  }

  @Override
  public String toString() {
    return describe();
  }

  private final class Client extends WebSocketClient {
    Client(URI uri, int connectTimeoutMs) {
      super(uri, new Draft_6455(), Map.of(), connectTimeoutMs);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      listener.onOpen(WebSocketChannel.this);
    }

    @Override
    public void onMessage(String text) {
      listener.onText(WebSocketChannel.this, text);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      LOG.warn("ignoring a binary frame from the relay; the protocol uses text frames");
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closed.countDown();
      listener.onClosed(WebSocketChannel.this, code, reason, remote);
    }

    @Override
    public void onError(Exception e) {
      LOG.debug("WebSocket error: {}", e.toString());
    }
  }
}
