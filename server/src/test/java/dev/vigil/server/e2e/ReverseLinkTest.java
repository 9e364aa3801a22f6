package dev.vigil.server.e2e;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ListeningPeer;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reverse connections on real sockets: the relay dials peers that listen (a test WebSocket server
 * acting as an agent or a dashboard), and they then behave exactly as peers that dialled in.
 */
@Timeout(30)
class ReverseLinkTest {
  private static final String HOST = "listening-host";

  @TempDir Path tmp;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private ListeningPeer listeningAgent(int port) throws InterruptedException {
    ListeningPeer peer =
        ListeningPeer.listen(port, agentHello(HOST), List.<Message>of(temperatureCatalog(HOST)));
    open.add(peer::stop);
    return peer;
  }

  private Relay relayDialling(String url) throws Exception {
    Relay relay =
        Relay.start(
            TestRelays.config(tmp.resolve("relay")).withDialPeers(List.of(URI.create(url))));
    open.add(relay);
    return relay;
  }

  private ProtocolTestClient dashboard(Relay relay) throws InterruptedException {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    dashboard.awaitMessage(Snapshot.class, WAIT);
    return dashboard;
  }

  @Test
  void relayDialsListeningAgentAndShowsItToDashboards() throws Exception {
    ListeningPeer agent = listeningAgent(0);
    Relay relay = relayDialling(agent.url());
    agent.awaitWelcome(WAIT);
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);

    agent.send(new Envelope(1, 1, sample(HOST, "test.temp", 41.5)));

    Sample seen = dashboard.awaitMessage(Sample.class, s -> s.hostId().equals(HOST), WAIT);
    assertThat(seen.values()).containsEntry("test.temp", 41.5);
    assertThat(snapshot.hosts())
        .singleElement()
        .satisfies(h -> assertThat(h.status().state()).isEqualTo(HostState.ONLINE));
  }

  @Test
  void relayRedialsListeningAgentThatRestartsOnTheSamePort() throws Exception {
    ListeningPeer agent = listeningAgent(0);
    int port = agent.getPort();
    Relay relay = relayDialling(agent.url());
    agent.awaitWelcome(WAIT);
    ProtocolTestClient dashboard = dashboard(relay);

    agent.stop(1_000);
    dashboard.awaitMessage(
        HostStatus.class, s -> s.hostId().equals(HOST) && s.state() == HostState.OFFLINE, WAIT);
    ListeningPeer restarted = listeningAgent(port);
    restarted.awaitWelcome(WAIT);
    restarted.send(new Envelope(1, 1, sample(HOST, "test.temp", 43.0)));

    dashboard.awaitMessage(
        HostStatus.class, s -> s.hostId().equals(HOST) && s.state() == HostState.ONLINE, WAIT);
    Sample seen =
        dashboard.awaitMessage(
            Sample.class, s -> Double.valueOf(43.0).equals(s.values().get("test.temp")), WAIT);
    assertThat(seen.hostId()).isEqualTo(HOST);
  }

  @Test
  void listeningDashboardDialledByTheRelayGetsWelcomeSnapshotAndLiveHosts() throws Exception {
    ListeningPeer dashboard = ListeningPeer.listen(0, dashboardHello(ALICE_TOKEN), List.of());
    open.add(dashboard::stop);
    Relay relay = relayDialling(dashboard.url());

    Welcome welcome = dashboard.awaitWelcome(WAIT);
    dashboard.awaitMessage(Snapshot.class, s -> true, WAIT);
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));
    open.add(agent::closeBlocking);

    HostStatus online =
        dashboard.awaitMessage(
            HostStatus.class, s -> s.hostId().equals(HOST) && s.state() == HostState.ONLINE, WAIT);
    assertThat(welcome.streamEpoch()).isEqualTo(relay.relayId());
    assertThat(online.name()).isEqualTo(HOST + "-name");
  }

  @Test
  void closingTheRelayClosesDialledLinksWithGoingAway() throws Exception {
    ListeningPeer agent = listeningAgent(0);
    Relay relay = relayDialling(agent.url());
    agent.awaitWelcome(WAIT);

    relay.close();

    assertThat(agent.awaitClose(WAIT)).isEqualTo(CloseCodes.GOING_AWAY);
  }

  @Test
  void listeningAgentWithAWrongTokenIsRefusedAndNotRedialledAtOnce() throws Exception {
    Hello wrong =
        new Hello(Role.AGENT, "not-a-token", HOST, HOST, "test", null, null, "Linux test");
    ListeningPeer agent = ListeningPeer.listen(0, wrong, List.of());
    open.add(agent::stop);
    relayDialling(agent.url());

    assertThat(agent.awaitClose(WAIT)).isEqualTo(CloseCodes.UNAUTHORIZED);
    // a redial would be refused the same way within milliseconds; the next one is 30 s away
    assertThatThrownBy(() -> agent.awaitClose(Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class);
  }
}
