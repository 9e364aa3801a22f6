package dev.vigil.bench.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * The client side of the RFC 6455 opening handshake: the upgrade request, and the check of the
 * server's answer (status 101, {@code Upgrade}, {@code Connection}, {@code Sec-WebSocket-Accept}
 * and, when one was asked for, the subprotocol). Stateless; thread-safe.
 */
public final class WsHandshake {
  /** The GUID RFC 6455 §1.3 appends to the key before hashing. */
  public static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** Largest response header the client reads before giving up. */
  public static final int MAX_RESPONSE_HEADER_BYTES = 8 * 1024;

  private static final int KEY_BYTES = 16;
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private WsHandshake() {}

  /** A fresh {@code Sec-WebSocket-Key}: 16 random bytes, base64. */
  public static String newKey(Random random) {
    byte[] nonce = new byte[KEY_BYTES];
    random.nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  /** The {@code Sec-WebSocket-Accept} value a server must answer to {@code key}. */
  public static String acceptFor(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /**
   * The upgrade request.
   *
   * @param subprotocol the {@code Sec-WebSocket-Protocol} to ask for, or {@code null}
   */
  public static byte[] request(String host, int port, String path, String key, String subprotocol) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("GET ").append(path).append(" HTTP/1.1\r\n");
    sb.append("Host: ").append(host).append(':').append(port).append("\r\n");
    sb.append("Upgrade: websocket\r\n");
    sb.append("Connection: Upgrade\r\n");
    sb.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
    sb.append("Sec-WebSocket-Version: 13\r\n");
    if (subprotocol != null) {
      sb.append("Sec-WebSocket-Protocol: ").append(subprotocol).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Index just past the blank line ending the header in {@code b[off..off+len)}, or -1. */
  public static int headerEnd(byte[] b, int off, int len) {
    outer:
    for (int i = off; i <= off + len - HEADER_END.length; i++) {
      for (int j = 0; j < HEADER_END.length; j++) {
        if (b[i + j] != HEADER_END[j]) {
          continue outer;
        }
      }
      return i + HEADER_END.length;
    }
    return -1;
  }

  /**
   * Checks a complete response header (up to the blank line).
   *
   * @throws WsProtocolException naming the first thing that is wrong
   */
  public static void checkResponse(String header, String key, String subprotocol)
      throws WsProtocolException {
    String[] lines = header.split("\r\n");
    String status = lines.length == 0 ? "" : lines[0];
    String[] statusParts = status.split(" ", 3);
    if (statusParts.length < 2 || !statusParts[0].startsWith("HTTP/1.")) {
      throw new WsProtocolException("not an HTTP response: '" + status + "'");
    }
    if (!"101".equals(statusParts[1])) {
      throw new WsProtocolException("server refused the upgrade: '" + status + "'");
    }
    String upgrade = headerValue(lines, "upgrade");
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      throw new WsProtocolException("missing 'Upgrade: websocket', got " + quote(upgrade));
    }
    String connection = headerValue(lines, "connection");
    if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
      throw new WsProtocolException("missing 'Connection: Upgrade', got " + quote(connection));
    }
    String accept = headerValue(lines, "sec-websocket-accept");
    String expected = acceptFor(key);
    if (!expected.equals(accept)) {
      throw new WsProtocolException(
          "Sec-WebSocket-Accept is " + quote(accept) + ", expected '" + expected + "'");
    }
    String protocol = headerValue(lines, "sec-websocket-protocol");
    if (subprotocol != null && !subprotocol.equals(protocol)) {
      throw new WsProtocolException(
          "server chose subprotocol " + quote(protocol) + ", asked for '" + subprotocol + "'");
    }
    if (subprotocol == null && protocol != null) {
      throw new WsProtocolException("server chose subprotocol '" + protocol + "' nobody asked for");
    }
  }

  private static String headerValue(String[] lines, String lowerName) {
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0
          && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return lines[i].substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
