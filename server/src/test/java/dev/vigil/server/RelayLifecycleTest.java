package dev.vigil.server;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping an embedded relay. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RelayLifecycleTest {
  @TempDir Path dataDir;

  @Test
  void startFailsWithClearMessageWhenPortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> Relay.start(TestRelays.config(dataDir).withPort(port)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen")
          .hasMessageContaining(String.valueOf(port));
    }
  }

  @Test
  void startReturnsBoundPortsAndCloseSendsGoingAwayToPeers() throws Exception {
    Relay relay = Relay.start(TestRelays.config(dataDir));
    assertThat(relay.port()).isPositive();
    assertThat(relay.httpPort()).isPositive().isNotEqualTo(relay.port());
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    dashboard.awaitMessage(Snapshot.class, WAIT);

    relay.close();

    assertThat(dashboard.awaitClose(WAIT).code()).isEqualTo(CloseCodes.GOING_AWAY);
  }

  @Test
  void aSecondRelayOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
    try (Relay first = Relay.start(TestRelays.config(dataDir))) {
      assertThatThrownBy(() -> Relay.start(TestRelays.config(dataDir)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another relay")
          .hasMessageContaining(dataDir.toAbsolutePath().toString());

      ProtocolTestClient dashboard =
          ProtocolTestClient.connect(first.port(), dashboardHello(ALICE_TOKEN));
      assertThat(dashboard.awaitMessage(Snapshot.class, WAIT)).isNotNull();
      dashboard.closeBlocking();
    }
  }

  @Test
  void aStoppedRelaysDataDirectoryCanBeUsedAgainAtOnce() throws Exception {
    Relay.start(TestRelays.config(dataDir)).close();

    try (Relay again = Relay.start(TestRelays.config(dataDir))) {
      assertThat(again.port()).isPositive();
    }
  }
}
