package dev.vigil.server.http;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.RelayVersion;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side on a real port, with one agent and one dashboard connected. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HttpApiTest {
  @TempDir static Path dataDir;
  private static Relay relay;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startRelay() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir));
    ProtocolTestClient.connect(relay.port(), agentHello("web-1")).awaitMessage(Welcome.class, WAIT);
    ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN))
        .awaitMessage(Snapshot.class, WAIT);
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  @Test
  void healthNeedsNoTokenAndCountsConnections() throws Exception {
    HttpResponse<String> response = get("/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    assertThat(body.get("status").getAsString()).isEqualTo("ok");
    assertThat(body.get("version").getAsString()).isEqualTo(RelayVersion.VERSION);
    assertThat(body.get("agentsConnected").getAsInt()).isEqualTo(1);
    assertThat(body.get("dashboardsConnected").getAsInt()).isEqualTo(1);
    assertThat(body.has("uptimeSeconds")).isTrue();
  }

  @Test
  void hostsWithoutTokenIsUnauthorizedWithJsonError() throws Exception {
    HttpResponse<String> response = get("/api/hosts", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().get("error").getAsString())
        .contains("Bearer");
  }

  @Test
  void hostsWithAgentTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = get("/api/hosts", TestRelays.AGENT_TOKEN);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void hostsWithOperatorTokenListsConnectedHost() throws Exception {
    HttpResponse<String> response = get("/api/hosts", ALICE_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject host =
        JsonParser.parseString(response.body())
            .getAsJsonObject()
            .getAsJsonArray("hosts")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("status");
    assertThat(host.get("hostId").getAsString()).isEqualTo("web-1");
    assertThat(host.get("state").getAsString()).isEqualTo("online");
  }

  @Test
  void alertsWithOperatorTokenAnswersAlertList() throws Exception {
    HttpResponse<String> response = get("/api/alerts", ALICE_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().has("alerts")).isTrue();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.httpPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
