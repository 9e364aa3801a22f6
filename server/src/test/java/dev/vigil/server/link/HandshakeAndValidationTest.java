package dev.vigil.server.link;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a peer can break the protocol gets its precise close code, and every other connection
 * goes on: after each bad peer, a witness agent's sample still reaches an observing dashboard.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HandshakeAndValidationTest {
  private static final Duration HELLO_TIMEOUT = Duration.ofMillis(300);
  private static final AtomicInteger witnessValue = new AtomicInteger();

  @TempDir static Path dataDir;
  private static Relay relay;
  private static ProtocolTestClient observer;
  private static ProtocolTestClient witness;

  @BeforeAll
  static void startRelay() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir).withHelloTimeout(HELLO_TIMEOUT));
    observer = ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    observer.awaitMessage(Snapshot.class, WAIT);
    witness = ProtocolTestClient.connect(relay.port(), agentHello("witness"));
    witness.awaitMessage(Welcome.class, WAIT);
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  @AfterEach
  void othersKeepReceiving() throws Exception {
    double value = witnessValue.incrementAndGet();
    witness.send(sample("witness", "test.temp", value));
    observer.awaitMessage(
        Sample.class,
        s -> s.hostId().equals("witness") && s.values().get("test.temp") == value,
        WAIT);
    assertThat(witness.isOpen()).isTrue();
  }

  @Test
  void wrongTokenIsClosedWithUnauthorized() throws Exception {
    Hello hello = new Hello(Role.AGENT, "wrong", "h1", "h1", "test", null, null, null);
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), hello);

    assertClosed(client, CloseCodes.UNAUTHORIZED, "unknown agent token");
  }

  @Test
  void agentTokenUsedByDashboardIsClosedWithUnauthorized() throws Exception {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), dashboardHello(TestRelays.AGENT_TOKEN));

    assertClosed(client, CloseCodes.UNAUTHORIZED, "operator token");
  }

  @Test
  void malformedJsonIsClosedWithMalformed() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h2"));
    client.send("{\"v\":1, \"type\": ");

    assertClosed(client, CloseCodes.MALFORMED, "not valid JSON");
  }

  @Test
  void binaryFrameIsClosedWithMalformed() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h3"));
    client.send(new byte[] {1, 2, 3});

    assertClosed(client, CloseCodes.MALFORMED, "binary");
  }

  @Test
  void oversizedMessageIsClosedWithTooBig() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h4"));
    String padding = "x".repeat(Protocol.MAX_INBOUND_MESSAGE_BYTES);
    client.send("{\"v\":1,\"type\":\"sample\",\"pad\":\"" + padding + "\"}");

    assertClosed(client, CloseCodes.MESSAGE_TOO_BIG, "exceeds the limit");
  }

  @Test
  void unknownTypeIsClosedWithUnknownType() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h5"));
    client.send("{\"v\":1,\"type\":\"teleport\",\"body\":{}}");

    assertClosed(client, CloseCodes.UNKNOWN_TYPE, "teleport");
  }

  @Test
  void unsupportedVersionIsClosedWithUnsupportedVersion() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h6"));
    client.send("{\"v\":99,\"type\":\"sample\",\"body\":{}}");

    assertClosed(client, CloseCodes.UNSUPPORTED_VERSION, "99");
  }

  @Test
  void missingFieldIsClosedWithInvalidFieldNamingIt() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h7"));
    client.send("{\"v\":1,\"type\":\"sample\",\"body\":{\"timestampMs\":1,\"values\":{}}}");

    assertClosed(client, CloseCodes.INVALID_FIELD, "hostId");
  }

  @Test
  void agentMessageForAnotherHostIsClosedWithInvalidField() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("h8"));
    client.send(sample("someone-else", "test.temp", 1.0));

    assertClosed(client, CloseCodes.INVALID_FIELD, "does not match");
  }

  @Test
  void dashboardSendingSampleIsClosedWithRoleViolation() throws Exception {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    client.send(sample("witness", "test.temp", 1.0));

    assertClosed(client, CloseCodes.ROLE_VIOLATION, "may not send 'sample'");
  }

  @Test
  void agentSendingTheRelaysAcknowledgementIsClosedWithRoleViolation() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello("host-r"));
    client.send(new dev.vigil.protocol.Received("e1", 5));

    assertClosed(client, CloseCodes.ROLE_VIOLATION, "may not send 'received'");
  }

  @Test
  void silenceAfterConnectIsClosedWithHelloRequired() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port());

    assertClosed(client, CloseCodes.HELLO_REQUIRED, "no hello within 300 ms");
  }

  @Test
  void dataBeforeHelloIsClosedWithHelloRequired() throws Exception {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port());
    client.send(new Sample("h9", 1L, Map.of()));

    assertClosed(client, CloseCodes.HELLO_REQUIRED, "first message must be 'hello'");
  }

  private static void assertClosed(ProtocolTestClient client, int code, String reasonPart)
      throws InterruptedException {
    ProtocolTestClient.Closed closed = client.awaitClose(WAIT);
    assertThat(closed.code()).isEqualTo(code);
    assertThat(closed.reason()).contains(reasonPart);
    assertThat(client.pending(ErrorNotice.class))
        .singleElement()
        .satisfies(n -> assertThat(n.code()).isEqualTo(code));
  }
}
