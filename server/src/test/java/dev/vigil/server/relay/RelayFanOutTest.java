package dev.vigil.server.relay;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A relay on real sockets: dashboards get welcome, snapshot, then live deltas from agents. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RelayFanOutTest {
  @TempDir Path dataDir;
  private Relay relay;

  @BeforeEach
  void startRelay() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir));
  }

  @AfterEach
  void stopRelay() {
    relay.close();
  }

  @Test
  void dashboardGetsWelcomeThenSnapshot() throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));

    Welcome welcome = dashboard.awaitMessage(Welcome.class, WAIT);
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);

    assertThat(welcome.relayId()).isEqualTo(relay.relayId());
    assertThat(welcome.heartbeatIntervalMs()).isEqualTo(Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS);
    assertThat(snapshot.hosts()).isEmpty();
  }

  @Test
  void dashboardReceivesCatalogSampleAndEventFromAgent() throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    dashboard.awaitMessage(Snapshot.class, WAIT);
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello("rack-07"));
    agent.awaitMessage(Welcome.class, WAIT);

    agent.send(temperatureCatalog("rack-07"));
    agent.send(sample("rack-07", "test.temp", 42.5));
    Device stick = new Device("usb:0781:5581:1", DeviceKind.USB, "SanDisk Ultra", Map.of());
    agent.send(new DeviceEvent("rack-07", 1L, EventKind.DEVICE_ADDED, stick, null));

    HostStatus online =
        dashboard.awaitMessage(HostStatus.class, s -> s.hostId().equals("rack-07"), WAIT);
    assertThat(online.state()).isEqualTo(HostState.ONLINE);
    assertThat(online.name()).isEqualTo("rack-07-name");
    assertThat(dashboard.awaitMessage(SensorCatalog.class, WAIT).sensors()).hasSize(1);
    assertThat(dashboard.awaitMessage(Sample.class, WAIT).values())
        .containsEntry("test.temp", 42.5);
    assertThat(dashboard.awaitMessage(DeviceEvent.class, WAIT).device()).isEqualTo(stick);
  }

  @Test
  void snapshotCarriesWhatAgentsSentBefore() throws Exception {
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello("rack-08"));
    agent.send(temperatureCatalog("rack-08"));
    Device disk = new Device("disk:sdb", DeviceKind.DISK, "Backup disk", Map.of());
    agent.send(new DeviceEvent("rack-08", 1L, EventKind.DEVICE_ADDED, disk, null));
    agent.send(sample("rack-08", "test.temp", 51.0));
    agent.sync(WAIT);

    ProtocolTestClient late = ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    Snapshot snapshot = late.awaitMessage(Snapshot.class, WAIT);

    assertThat(snapshot.hosts()).hasSize(1);
    var host = snapshot.hosts().get(0);
    assertThat(host.status().state()).isEqualTo(HostState.ONLINE);
    assertThat(host.catalog().sensors()).hasSize(1);
    assertThat(host.latest().values()).containsEntry("test.temp", 51.0);
    assertThat(host.inventory().devices()).containsExactly(disk);
    assertThat(snapshot.recentEvents()).hasSize(1);
  }

  @Test
  void secondAgentWithSameHostIdReplacesFirst() throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    dashboard.awaitMessage(Snapshot.class, WAIT);
    ProtocolTestClient first = ProtocolTestClient.connect(relay.port(), agentHello("rack-09"));
    first.awaitMessage(Welcome.class, WAIT);

    ProtocolTestClient second = ProtocolTestClient.connect(relay.port(), agentHello("rack-09"));
    second.awaitMessage(Welcome.class, WAIT);
    second.send(sample("rack-09", "test.temp", 33.0));

    assertThat(first.awaitClose(WAIT).code()).isEqualTo(CloseCodes.REPLACED);
    assertThat(dashboard.awaitMessage(Sample.class, WAIT).values())
        .containsEntry("test.temp", 33.0);
    assertThat(dashboard.pending(HostStatus.class)).noneMatch(s -> s.state() == HostState.OFFLINE);
  }

  @Test
  void dashboardsReceiveEveryBroadcastOfABurstInOrder() throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    dashboard.awaitMessage(Snapshot.class, WAIT);
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello("rack-10"));
    agent.awaitMessage(Welcome.class, WAIT);
    int burst = 3_000;

    for (int i = 1; i <= burst; i++) {
      agent.send(new Sample("rack-10", i, Map.of("test.temp", 40.0)));
    }

    dashboard.awaitMessage(Sample.class, s -> s.timestampMs() == burst, WAIT);
    List<Long> received = new ArrayList<>();
    received.addAll(dashboard.pending(Sample.class).stream().map(Sample::timestampMs).toList());
    assertThat(received).hasSize(burst - 1).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void dashboardJoiningMidBurstGetsSnapshotThenEveryLaterSampleAndNothingOlder() throws Exception {
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello("rack-11"));
    agent.awaitMessage(Welcome.class, WAIT);
    int burst = 3_000;
    Thread sender =
        new Thread(
            () -> {
              for (int i = 1; i <= burst; i++) {
                agent.send(new Sample("rack-11", i, Map.of("test.temp", 40.0)));
              }
            });
    sender.start();

    ProtocolTestClient late = ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    Snapshot snapshot = late.awaitMessage(Snapshot.class, WAIT);
    sender.join();
    long seenInSnapshot =
        snapshot.hosts().isEmpty() || snapshot.hosts().get(0).latest() == null
            ? 0
            : snapshot.hosts().get(0).latest().timestampMs();
    List<Long> after = new ArrayList<>();
    if (seenInSnapshot < burst) {
      // On a loaded machine the whole burst may be handled before the hello: then the snapshot
      // holds the last sample and no sample follows.
      late.awaitMessage(Sample.class, s -> s.timestampMs() == burst, WAIT);
      after.addAll(late.pending(Sample.class).stream().map(Sample::timestampMs).toList());
      after.add((long) burst);
    }
    List<Long> expected = new ArrayList<>();
    for (long t = seenInSnapshot + 1; t <= burst; t++) {
      expected.add(t);
    }
    assertThat(after).isEqualTo(expected);
  }
}
