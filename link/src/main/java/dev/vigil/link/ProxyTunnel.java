package dev.vigil.link;

import dev.vigil.protocol.ProxySettings.HttpProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * An HTTP CONNECT tunnel to the relay through a proxy that asks for credentials: sends {@code
 * Proxy-Authorization: Basic} with the request itself (no round trip for the 407), and hands the
 * WebSocket client a socket already connected to the relay (TLS on top for {@code wss://}). Done
 * here rather than by the JDK's proxied sockets, whose Basic authentication for tunnels is off by
 * default and read only once per process.
 */
final class ProxyTunnel extends SocketFactory {
  /** Largest proxy answer head read before the tunnel opens. */
  static final int MAX_RESPONSE_HEAD_BYTES = 16 * 1024;

  private final HttpProxy proxy;
  private final URI target;
  private final int timeoutMs;

  ProxyTunnel(HttpProxy proxy, URI target, int timeoutMs) {
    this.proxy = proxy;
    this.target = target;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Socket createSocket() throws IOException {
    boolean secure = "wss".equalsIgnoreCase(target.getScheme());
    String host = target.getHost();
    int port = target.getPort() > 0 ? target.getPort() : (secure ? 443 : 80);
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(proxy.address().getHostString(), proxy.address().getPort()),
          timeoutMs);
      socket.setSoTimeout(timeoutMs);
      String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
      String credentials =
          Base64.getEncoder()
              .encodeToString(
                  (proxy.user() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("CONNECT "
                  + authority
                  + " HTTP/1.1\r\nHost: "
                  + authority
                  + "\r\nProxy-Authorization: Basic "
                  + credentials
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = readHead(socket.getInputStream());
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[1].equals("200")) {
        throw new IOException("the proxy " + proxy + " refused the tunnel: " + status);
      }
      socket.setSoTimeout(0);
      if (secure) {
        return ((SSLSocketFactory) SSLSocketFactory.getDefault())
            .createSocket(socket, host, port, true);
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Reads the answer's head up to the blank line, byte by byte; returns its status line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the proxy closed the connection before answering the CONNECT");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_RESPONSE_HEAD_BYTES) {
        throw new IOException("the proxy's answer to the CONNECT is too long");
      }
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf("\r\n");
    return lineEnd < 0 ? text : text.substring(0, lineEnd);
  }

  @Override
  public Socket createSocket(String host, int port) throws SocketException {
    throw new SocketException("a proxy tunnel opens only to its relay");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws SocketException {
    throw new SocketException("a proxy tunnel opens only to its relay");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws SocketException {
    throw new SocketException("a proxy tunnel opens only to its relay");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws SocketException {
    throw new SocketException("a proxy tunnel opens only to its relay");
  }
}
