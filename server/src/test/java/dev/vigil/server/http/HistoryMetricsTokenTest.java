package dev.vigil.server.http;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.Relay;
import dev.vigil.server.config.HistoryConfig;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} with {@code metricsRequireToken}, and the history API when history is off. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HistoryMetricsTokenTest {
  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(Relay relay, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.httpPort() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsNeedAnOperatorTokenWhenConfiguredTo() throws Exception {
    try (Relay relay = Relay.start(TestRelays.config(dataDir).withMetricsRequireToken(true))) {
      assertThat(get(relay, "/metrics", null).statusCode()).isEqualTo(401);
      assertThat(get(relay, "/metrics", ALICE_TOKEN).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withHistoryOffTheHistoryApiSaysSoAndMetricsLeaveItsCountersOut() throws Exception {
    try (Relay relay =
        Relay.start(
            TestRelays.config(dataDir).withHistory(HistoryConfig.defaults().withEnabled(false)))) {
      HttpResponse<String> series = get(relay, "/api/series?host=x", ALICE_TOKEN);

      assertThat(series.statusCode()).isEqualTo(404);
      assertThat(series.body()).contains("history is disabled");
      assertThat(get(relay, "/metrics", null).body())
          .contains("vigil_relay_agents_connected 0")
          .doesNotContain("vigil_history_");
      assertThat(dataDir.resolve("history.db")).doesNotExist();
    }
  }
}
