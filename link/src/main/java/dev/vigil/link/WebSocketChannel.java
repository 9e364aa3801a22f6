package dev.vigil.link;

import dev.vigil.protocol.ProxySettings.HttpProxy;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials a WebSocket {@link Channel}: plain RFC 6455 (no permessage-deflate), TCP_NODELAY on, the
 * library's own ping off (liveness is the protocol's heartbeat), through an HTTP proxy with CONNECT
 * when one is given (the proxy then resolves the relay's name; with credentials through {@link
 * ProxyTunnel}).
 */
final class WebSocketChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketChannel.class);

  private WebSocketChannel() {}

  /** Starts dialling {@code uri}; returns the channel at once, the listener hears the rest. */
  static Channel dial(
      URI uri, Optional<HttpProxy> proxy, int connectTimeoutMs, ChannelListener listener) {
    Client client = new Client(uri, connectTimeoutMs, listener);
    proxy.ifPresent(p -> client.setDnsResolver(null));
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
    ConnectionChannel channel = new ConnectionChannel(client, "WebSocket " + uri);
    client.channel = channel;
    client.connect();
    return channel;
  }

  /** The Java-WebSocket client: hands its callbacks to the listener, tagged with the channel. */
  private static final class Client extends WebSocketClient {
    private final ChannelListener listener;
    private volatile ConnectionChannel channel;

    Client(URI uri, int connectTimeoutMs, ChannelListener listener) {
      super(uri, new Draft_6455(), Map.of(), connectTimeoutMs);
      this.listener = listener;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      listener.onOpen(channel);
    }

    @Override
    public void onMessage(String text) {
      listener.onText(channel, text);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      LOG.warn("ignoring a binary frame from the relay; the protocol uses text frames");
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      channel.markClosed();
      listener.onClosed(channel, code, reason, remote);
    }

    @Override
    public void onError(Exception e) {
      LOG.debug("WebSocket error: {}", e.toString());
    }
  }
}
