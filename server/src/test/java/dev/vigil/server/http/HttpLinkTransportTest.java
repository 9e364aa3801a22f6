package dev.vigil.server.http;

import static dev.vigil.server.support.TestRelays.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.relay.RelayCounts;
import dev.vigil.server.relay.RelayQueries;
import dev.vigil.server.support.HttpLinkTestClient;
import dev.vigil.server.support.HttpLinkTestClient.Events;
import dev.vigil.server.support.HttpLinkTestClient.SseItem;
import dev.vigil.server.support.RecordingLinkListener;
import dev.vigil.server.support.TestRelays;
import dev.vigil.server.token.TokenRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP link transport on its own, with short timings and a listener that only records: the
 * transport's keepalive, held-request limit and linger, which need no relay core.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpLinkTransportTest {
  private static final LinkTimings FAST = new LinkTimings(100, 10_000, 200, 50);

  private static final LinkTimings SHORT_HOLD = new LinkTimings(100, 300, 200, 50);

  /** Polls opened at once while filling the held-request limit. */
  private static final int CONNECT_STEP = 32;

  private HttpApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void idleEventsStreamGetsAKeepaliveComment() throws Exception {
    HttpLinkTestClient client = start();
    String session = client.open();

    try (Events events = client.events(session, null)) {
      SseItem retry = events.next(WAIT);
      SseItem keepalive = events.next(WAIT);

      assertThat(retry.retry()).isEqualTo(HttpLinkLimits.SSE_RETRY_MS);
      assertThat(keepalive.comment()).isEqualTo("keepalive");
    }
  }

  @Test
  void requestsBeyondTheHeldLimitAre503WhileHealthStaysFast() throws Exception {
    RecordingLinkListener listener = new RecordingLinkListener();
    HttpLinkTestClient client = start(listener);
    String session = client.open();
    HttpClient async = HttpClient.newHttpClient();
    URI poll = URI.create("http://127.0.0.1:" + api.port() + "/link/" + session + "/poll?after=0");
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    // In steps, so that the connections do not overflow the server's accept backlog.
    while (held.size() < HttpLinkLimits.MAX_HELD_REQUESTS) {
      for (int i = 0; i < CONNECT_STEP; i++) {
        held.add(
            async.sendAsync(
                HttpRequest.newBuilder(poll).build(), HttpResponse.BodyHandlers.ofString()));
      }
      int expected = held.size();
      TestRelays.awaitTrue(
          expected + " polls held", () -> api.heldLinkRequests() == expected, WAIT);
    }

    HttpResponse<String> refused = client.pollRaw(session, 0);
    long started = System.nanoTime();
    HttpResponse<String> health = client.send("GET", "/health", null, null);
    long healthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(healthMs).isLessThan(2_000);
    listener.opened.get(0).close(1001, "done");
    for (CompletableFuture<HttpResponse<String>> response : held) {
      HttpResponse<String> answered = response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.body()).contains("\"code\":1001");
    }
  }

  @Test
  void pollWithNothingToReturnAnswersAnEmptyBodyAfterTheHold() throws Exception {
    HttpLinkTestClient client = start(new RecordingLinkListener(), SHORT_HOLD);
    String session = client.open();

    long started = System.nanoTime();
    HttpResponse<String> response = client.pollRaw(session, 0);
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    assertThat(response.body()).isEmpty();
    assertThat(waitedMs).isGreaterThanOrEqualTo(SHORT_HOLD.pollHoldMs() - 20);
  }

  @Test
  void closedSessionIsForgottenAfterItsLinger() throws Exception {
    HttpLinkTestClient client = start();
    String session = client.open();
    client.delete(session);

    TestRelays.awaitTrue(
        "the session forgotten",
        () -> {
          try {
            return client.post(session, "{}").statusCode() == 404;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void deleteReportsTheCloseAsByThePeerWithNormalCode() throws Exception {
    RecordingLinkListener listener = new RecordingLinkListener();
    HttpLinkTestClient client = start(listener);
    String session = client.open();

    client.delete(session);

    assertThat(listener.closes).containsExactly("1000 closed by peer byPeer=true");
  }

  private HttpLinkTestClient start() throws Exception {
    return start(new RecordingLinkListener());
  }

  private HttpLinkTestClient start(LinkListener listener) throws Exception {
    return start(listener, FAST);
  }

  private HttpLinkTestClient start(LinkListener listener, LinkTimings timings) throws Exception {
    api =
        HttpApi.start(
            new InetSocketAddress("127.0.0.1", 0),
            new IdleQueries(),
            new Authenticator(TokenRegistry.of(Set.of(), Map.of(), Map.of())),
            "test",
            MessageCodec.forInbound(),
            listener,
            timings);
    return new HttpLinkTestClient(api.port());
  }

  /** A relay with nothing connected. */
  private static final class IdleQueries implements RelayQueries {
    @Override
    public CompletableFuture<RelayCounts> counts() {
      return CompletableFuture.completedFuture(new RelayCounts(0, 0, 0));
    }

    @Override
    public CompletableFuture<List<HostSnapshot>> hosts() {
      return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Alert>> alerts() {
      return CompletableFuture.completedFuture(List.of());
    }
  }
}
