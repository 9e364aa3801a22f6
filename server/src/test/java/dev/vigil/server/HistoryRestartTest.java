package dev.vigil.server;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** History lives in the data directory, so a relay restarted on it serves what came before. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HistoryRestartTest {
  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRestartedRelayServesTheSamplesOfTheRunBefore() throws Exception {
    long ts = System.currentTimeMillis() - 60_000;
    try (Relay first = Relay.start(TestRelays.config(dataDir))) {
      ProtocolTestClient agent = ProtocolTestClient.connect(first.port(), agentHello("keep-1"));
      agent.awaitMessage(Welcome.class, WAIT);
      agent.send(new Sample("keep-1", ts, Map.of("test.temp", 61.5)));
      awaitTrue("the sample in history", () -> series(first).contains("61.5"));
      agent.close();
    }

    try (Relay second = Relay.start(TestRelays.config(dataDir))) {
      assertThat(series(second)).contains("[" + ts + ",61.5]");
    }
  }

  private String series(Relay relay) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + relay.httpPort()
                              + "/api/series/keep-1/test.temp?resolution=raw&from=0"))
                  .header("Authorization", "Bearer " + ALICE_TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
