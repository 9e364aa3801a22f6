package dev.vigil.ui.history;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.testing.Await;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.server.Relay;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's history client against a real relay's history API (SQLite in a temp dir). */
@Timeout(30)
class RelayHistoryClientTest {
  private static final String HOST = "hist-1";

  @TempDir Path dataDir;
  private Relay relay;
  private AgentTestClient agent;

  @AfterEach
  void stop() throws InterruptedException {
    if (agent != null) {
      agent.closeBlocking();
    }
    if (relay != null) {
      relay.close();
    }
  }

  private RelayHistoryClient client(String token) {
    return new RelayHistoryClient(URI.create("http://127.0.0.1:" + relay.httpPort() + "/"), token);
  }

  private void sendSamples(long firstMs, int count, long stepMs) throws Exception {
    agent = AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, HOST, "rack-h");
    agent.sendMessage(new SensorCatalog(HOST, System.currentTimeMillis(), List.of(CPU_TEMP)));
    for (int i = 0; i < count; i++) {
      agent.sendMessage(new Sample(HOST, firstMs + i * stepMs, Map.of(CPU_TEMP.id(), 40.0 + i)));
    }
  }

  @Test
  void storedSamplesComeBackInOrderForTheRangeAsked() throws Exception {
    relay = TestRelays.start(dataDir);
    long now = System.currentTimeMillis();
    sendSamples(now - 600_000, 10, 60_000); // one a minute, the last 10 minutes

    SeriesPoints[] points = new SeriesPoints[1];
    // The relay writes history in batches (every 250 ms): ask until all ten are there.
    assertThat(
            Await.until(
                () -> {
                  points[0] = series(now);
                  return points[0].size() == 10;
                },
                Duration.ofSeconds(10)))
        .isTrue();

    assertThat(points[0].resolution()).isEqualTo("raw");
    assertThat(points[0].values()).containsExactly(40, 41, 42, 43, 44, 45, 46, 47, 48, 49);
    assertThat(points[0].timesMs()[0]).isEqualTo(now - 600_000);
  }

  /** The stored series so far; empty before the relay's history knows the host. */
  private SeriesPoints series(long now) {
    try {
      return client(TestRelays.OPERATOR_TOKEN)
          .series(HOST, CPU_TEMP.id(), now - 3_600_000, now)
          .get(5, TimeUnit.SECONDS);
    } catch (ExecutionException notYet) {
      return new SeriesPoints(HOST, CPU_TEMP.id(), "raw", new long[0], new double[0]);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWrongTokenIsReportedAsHistoryUnavailable() throws Exception {
    relay = TestRelays.start(dataDir);

    assertThatThrownBy(
            () ->
                client("not-a-token")
                    .series(HOST, CPU_TEMP.id(), 0, System.currentTimeMillis())
                    .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("history unavailable");
  }

  @Test
  void storedAlertChangesComeBackAsAlerts() throws Exception {
    relay = TestRelays.start(dataDir);
    sendSamples(System.currentTimeMillis(), 1, 0);
    agent.sendMessage(
        new Sample(HOST, System.currentTimeMillis(), Map.of(CPU_TEMP.id(), 99.0))); // cpu-hot

    @SuppressWarnings("unchecked")
    List<Alert>[] transitions = new List[] {List.of()};
    assertThat(
            Await.until(
                () -> {
                  try {
                    transitions[0] =
                        client(TestRelays.OPERATOR_TOKEN)
                            .alertTransitions(0, System.currentTimeMillis(), 100)
                            .get(5, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                  return !transitions[0].isEmpty();
                },
                Duration.ofSeconds(10)))
        .isTrue();

    assertThat(transitions[0].get(0).hostId()).isEqualTo(HOST);
  }
}
