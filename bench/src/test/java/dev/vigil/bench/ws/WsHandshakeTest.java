package dev.vigil.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WsHandshakeTest {
  /** The example of RFC 6455 §1.3. */
  private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

  private static String response(String accept, String extra) {
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: "
        + accept
        + "\r\n"
        + extra
        + "\r\n";
  }

  @Test
  void acceptKeyMatchesTheRfcExample() {
    assertThat(WsHandshake.acceptFor(RFC_KEY)).isEqualTo(RFC_ACCEPT);
  }

  @Test
  void newKeyIsSixteenBase64Bytes() {
    String key = WsHandshake.newKey(new Random(1));

    assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(16);
  }

  @Test
  void requestAsksForTheUpgradeAndTheSubprotocol() {
    String request =
        new String(
            WsHandshake.request("127.0.0.1", 9001, "/mqtt", RFC_KEY, "mqtt"),
            StandardCharsets.US_ASCII);

    assertThat(request)
        .startsWith("GET /mqtt HTTP/1.1\r\n")
        .contains(
            "Host: 127.0.0.1:9001\r\n",
            "Upgrade: websocket\r\n",
            "Connection: Upgrade\r\n",
            "Sec-WebSocket-Key: " + RFC_KEY + "\r\n",
            "Sec-WebSocket-Version: 13\r\n",
            "Sec-WebSocket-Protocol: mqtt\r\n")
        .endsWith("\r\n\r\n");
  }

  @Test
  void responseWithTheRightAcceptPasses() {
    assertThatCode(() -> WsHandshake.checkResponse(response(RFC_ACCEPT, ""), RFC_KEY, null))
        .doesNotThrowAnyException();
  }

  @Test
  void responseWithAWrongAcceptFailsNamingBothValues() {
    assertThatThrownBy(() -> WsHandshake.checkResponse(response("bm9wZQ==", ""), RFC_KEY, null))
        .isInstanceOf(WsProtocolException.class)
        .hasMessageContaining("'bm9wZQ=='")
        .hasMessageContaining(RFC_ACCEPT);
  }

  @Test
  void responseWithoutTheAskedSubprotocolFails() {
    assertThatThrownBy(() -> WsHandshake.checkResponse(response(RFC_ACCEPT, ""), RFC_KEY, "mqtt"))
        .isInstanceOf(WsProtocolException.class)
        .hasMessageContaining("asked for 'mqtt'");
  }

  @Test
  void refusedUpgradeFailsWithTheStatusLine() {
    String refused = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";

    assertThatThrownBy(() -> WsHandshake.checkResponse(refused, RFC_KEY, null))
        .isInstanceOf(WsProtocolException.class)
        .hasMessageContaining("404 Not Found");
  }

  @Test
  void headerEndIsFoundOnlyOnceTheBlankLineArrived() {
    byte[] partial =
        "HTTP/1.1 101 OK\r\nUpgrade: websocket\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] whole = "HTTP/1.1 101 OK\r\n\r\nrest".getBytes(StandardCharsets.US_ASCII);

    assertThat(WsHandshake.headerEnd(partial, 0, partial.length)).isEqualTo(-1);
    assertThat(WsHandshake.headerEnd(whole, 0, whole.length)).isEqualTo(whole.length - 4);
  }
}
