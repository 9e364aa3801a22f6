package dev.vigil.server.relay;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Coalesced;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard that stops reading: the relay coalesces its samples and keeps every event, while a
 * healthy dashboard gets everything; one too slow even for that is closed as a slow consumer. Real
 * relay and sockets; the stalled dashboard's read thread is blocked, so TCP pushes back for real.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackpressureTest {
  private static final String HOST = "rack-07";

  /** Samples of ~64 KB (2,000 readings): 400 of them outgrow the kernel's socket buffers. */
  private static final int READINGS_PER_SAMPLE = 2_000;

  private static final int SAMPLES = 400;
  private static final Duration FLOOD_WAIT = Duration.ofSeconds(30);

  @TempDir Path dataDir;
  private Relay relay;

  @AfterEach
  void stop() {
    if (relay != null) {
      relay.close();
    }
  }

  private static Sample bigSample(int n) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < READINGS_PER_SAMPLE; i++) {
      values.put("probe." + i + ".temperature", (double) n);
    }
    return new Sample(HOST, System.currentTimeMillis(), values);
  }

  private static DeviceEvent plugged(int n) {
    Device stick = new Device("usb:stick-" + n, DeviceKind.USB, "stick " + n, Map.of());
    return new DeviceEvent(HOST, System.currentTimeMillis(), EventKind.DEVICE_ADDED, stick, null);
  }

  private ProtocolTestClient dashboard() throws Exception {
    ProtocolTestClient d = ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    d.awaitMessage(Snapshot.class, WAIT);
    return d;
  }

  /** Sends the flood, with a device event after every 40th sample; returns the events. */
  private static List<DeviceEvent> flood(ProtocolTestClient agent) {
    List<DeviceEvent> events = new ArrayList<>();
    for (int n = 1; n <= SAMPLES; n++) {
      agent.send(bigSample(n));
      if (n % 40 == 0) {
        DeviceEvent event = plugged(n);
        agent.send(event);
        events.add(event);
      }
    }
    return events;
  }

  @Test
  void stalledDashboardGetsTheNewestSampleAndEveryEventWhileAHealthyOneGetsEverything()
      throws Exception {
    relay = Relay.start(TestRelays.config(dataDir));
    ProtocolTestClient healthy = dashboard();
    ProtocolTestClient stalled = dashboard();
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));
    agent.awaitMessage(Welcome.class, WAIT);

    stalled.stallReading();
    List<DeviceEvent> events = flood(agent);
    List<Double> healthyValues = new ArrayList<>();
    for (int n = 1; n <= SAMPLES; n++) {
      healthyValues.add(
          healthy.awaitMessage(Sample.class, FLOOD_WAIT).values().get("probe.0.temperature"));
    }
    agent.sync(FLOOD_WAIT);
    stalled.resumeReading();
    Coalesced coalesced = stalled.awaitMessage(Coalesced.class, FLOOD_WAIT);
    List<DeviceEvent> stalledEvents = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      stalledEvents.add(stalled.awaitMessage(DeviceEvent.class, FLOOD_WAIT));
    }
    Sample newest =
        stalled.awaitMessage(
            Sample.class, s -> s.values().get("probe.0.temperature") == SAMPLES, FLOOD_WAIT);

    assertThat(healthyValues).hasSize(SAMPLES).isSorted().doesNotHaveDuplicates();
    assertThat(coalesced.samplesDropped()).isPositive();
    assertThat(stalledEvents).containsExactlyElementsOf(events);
    assertThat(stalled.seqOf(newest)).isLessThanOrEqualTo(coalesced.throughSeq());
    assertThat(stalled.pending(Sample.class).size() + 1 + coalesced.samplesDropped())
        .as("samples received before the stall was noticed, the newest, and those coalesced away")
        .isEqualTo(SAMPLES);
  }

  @Test
  void dashboardBehindForLongerThanSixHeartbeatsIsClosedAsASlowConsumer() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir).withHeartbeatInterval(Duration.ofMillis(200)));
    ProtocolTestClient healthy = dashboard();
    ProtocolTestClient stalled = dashboard();
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));
    agent.awaitMessage(Welcome.class, WAIT);
    // Both dashboards keep talking (a ping every 50 ms), so only the stall can get one closed.
    ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    pinger.scheduleAtFixedRate(
        () -> {
          for (ProtocolTestClient d : List.of(healthy, stalled)) {
            if (d.isOpen()) {
              d.send(new Ping(1, System.currentTimeMillis()));
            }
          }
        },
        0,
        50,
        TimeUnit.MILLISECONDS);
    try {
      stalled.stallReading();
      flood(agent);
      for (int n = 1; n <= SAMPLES; n++) {
        healthy.awaitMessage(Sample.class, FLOOD_WAIT);
      }
      TestRelays.awaitTrue(
          "the relay to drop the stalled dashboard", () -> dashboardsConnected() == 1, FLOOD_WAIT);
    } finally {
      pinger.shutdownNow();
    }
    stalled.resumeReading();
    ProtocolTestClient.Closed closed = stalled.awaitClose(FLOOD_WAIT);

    // The relay's close frame sits behind the queued data; if the grace runs out first the socket
    // is
    // dropped (1006). Either way the relay said why, in the error notice before the close.
    assertThat(closed.code()).isIn(CloseCodes.SLOW_CONSUMER, CloseCodes.ABNORMAL);
    assertThat(stalled.awaitMessage(ErrorNotice.class, WAIT).code())
        .isEqualTo(CloseCodes.SLOW_CONSUMER);
    healthy.sync(WAIT);
    assertThat(healthy.isOpen()).isTrue();
  }

  private int dashboardsConnected() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + relay.httpPort() + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"dashboardsConnected\"\\s*:\\s*(\\d+)")
              .matcher(response.body());
      return m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (Exception e) {
      throw new AssertionError("health check failed", e);
    }
  }
}
