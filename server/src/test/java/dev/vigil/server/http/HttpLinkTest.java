package dev.vigil.server.http;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Received;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.HttpLinkTestClient;
import dev.vigil.server.support.HttpLinkTestClient.Events;
import dev.vigil.server.support.HttpLinkTestClient.PollLine;
import dev.vigil.server.support.HttpLinkTestClient.SseItem;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP link transport on a real relay: dashboards and agents over Server-Sent Events and
 * long-polling, next to WebSocket peers, with the JDK's HTTP client on localhost.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpLinkTest {
  private static final Duration HEARTBEAT = Duration.ofMillis(100);

  @TempDir static Path dataDir;
  private static Relay relay;
  private static HttpLinkTestClient http;

  @BeforeAll
  static void startRelay() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir));
    http = new HttpLinkTestClient(relay.httpPort());
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  @Test
  void dashboardOverSseGetsWelcomeSnapshotAndLiveSamplesFromAWebSocketAgent() throws Exception {
    String session = http.open();
    assertThat(http.post(session, http.line(dashboardHello(ALICE_TOKEN))).statusCode())
        .isEqualTo(204);
    try (Events events = http.events(session, null)) {
      assertThat(events.response().statusCode()).isEqualTo(200);
      assertThat(events.response().headers().firstValue("Content-Type"))
          .hasValue("text/event-stream; charset=utf-8");
      assertThat(events.response().headers().firstValue("Cache-Control")).hasValue("no-cache");
      assertThat(events.response().headers().firstValue("X-Accel-Buffering")).hasValue("no");
      assertThat(events.next(WAIT).retry()).isEqualTo(1000L);
      SseItem welcome = events.nextEvent(WAIT);
      SseItem snapshot = events.nextEvent(WAIT);
      ProtocolTestClient agent = wsAgent("sse-host-1");

      agent.send(sample("sse-host-1", "test.temp", 41.5));

      Sample live = awaitEvent(events, Sample.class, s -> s.hostId().equals("sse-host-1"));
      assertThat(welcome.id()).isEqualTo("1");
      assertThat(http.decode(welcome.data())).isInstanceOf(Welcome.class);
      assertThat(snapshot.id()).isEqualTo("2");
      assertThat(http.decode(snapshot.data())).isInstanceOf(Snapshot.class);
      assertThat(live.values()).containsEntry("test.temp", 41.5);
    }
  }

  @Test
  void sseStreamNumbersRelayMessagesInOrder() throws Exception {
    String session = sseDashboardSession();
    try (Events events = http.events(session, null)) {
      ProtocolTestClient agent = wsAgent("sse-order-1");
      for (int i = 1; i <= 5; i++) {
        agent.send(sample("sse-order-1", "test.temp", i));
      }

      List<Long> ids = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      while (values.size() < 5) {
        SseItem item = events.nextEvent(WAIT);
        ids.add(Long.parseLong(item.id()));
        if (http.decode(item.data()) instanceof Sample s && s.hostId().equals("sse-order-1")) {
          values.add(s.values().get("test.temp"));
        }
      }

      assertThat(ids).isSorted().doesNotHaveDuplicates().startsWith(1L);
      assertThat(ids.get(ids.size() - 1)).isEqualTo(ids.size());
      assertThat(values).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    }
  }

  @Test
  void dashboardOverLongPollGetsWelcomeSnapshotAndLiveSamples() throws Exception {
    String session = http.open();
    http.post(session, http.line(dashboardHello(ALICE_TOKEN)));
    List<PollLine> first = pollUntil(session, 0, lines -> lines.size() >= 2);
    ProtocolTestClient agent = wsAgent("poll-host-1");

    agent.send(sample("poll-host-1", "test.temp", 33.0));

    Sample live =
        awaitPolled(session, first.get(first.size() - 1).n(), Sample.class, "poll-host-1");
    assertThat(first.get(0).n()).isEqualTo(1);
    assertThat(http.decode(first.get(0).message())).isInstanceOf(Welcome.class);
    assertThat(http.decode(first.get(1).message())).isInstanceOf(Snapshot.class);
    assertThat(live.values()).containsEntry("test.temp", 33.0);
  }

  @Test
  void pollAfterAcknowledgesWhatCameBeforeAndRepeatsNothing() throws Exception {
    String session = http.open();
    http.post(session, http.line(dashboardHello(ALICE_TOKEN)));
    // welcome, snapshot, tokens (alice is an admin)
    List<PollLine> first = pollUntil(session, 0, lines -> lines.size() >= 3);
    long last = first.get(first.size() - 1).n();
    http.post(session, http.line(new Ping(7, 1)));

    List<PollLine> next = pollUntil(session, last, lines -> !lines.isEmpty());
    List<PollLine> again = http.poll(session, 0);

    assertThat(next).allSatisfy(line -> assertThat(line.n()).isGreaterThan(last));
    assertThat(next.get(0).n()).isEqualTo(last + 1);
    assertThat(http.decode(next.get(0).message())).isEqualTo(new Pong(7, 1));
    assertThat(again)
        .as("after=0 once %d was acknowledged asks for what was dropped", last)
        .extracting(PollLine::close)
        .singleElement()
        .satisfies(close -> assertThat(close.get("code").getAsInt()).isEqualTo(1001));
  }

  @Test
  void repeatedPollWithTheSameAfterGetsTheSameMessagesAgain() throws Exception {
    String session = http.open();
    http.post(session, http.line(dashboardHello(ALICE_TOKEN)));
    // Poll from 0 until one answer holds welcome and snapshot: pollUntil would move past the
    // welcome when it comes alone, and polling after it acknowledges (drops) it.
    List<PollLine> first = http.poll(session, 0);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (first.size() < 2 && System.nanoTime() < deadline) {
      first = http.poll(session, 0);
    }

    List<PollLine> again = http.poll(session, 0);

    assertThat(first).hasSizeGreaterThanOrEqualTo(2);
    assertThat(again.subList(0, first.size())).isEqualTo(first);
  }

  @Test
  void agentOverHttpIsSeenByAWebSocketDashboardAndGetsWelcomeAndReceivedByPoll() throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    dashboard.awaitMessage(Snapshot.class, WAIT);
    String session = http.open();
    List<String> lines = new ArrayList<>();
    lines.add(http.line(agentHello("http-agent-1").withStreamEpoch("epoch-1")));
    int samples = 256; // the relay acknowledges at least every 256 numbered messages
    for (int seq = 1; seq <= samples; seq++) {
      lines.add(
          http.line(new Envelope(Protocol.VERSION, seq, sample("http-agent-1", "test.temp", seq))));
    }

    HttpResponse<String> posted = http.post(session, lines.toArray(String[]::new));

    assertThat(posted.statusCode()).isEqualTo(204);
    Sample seen =
        dashboard.awaitMessage(
            Sample.class,
            s -> s.hostId().equals("http-agent-1") && s.values().get("test.temp") == samples,
            WAIT);
    assertThat(seen).isNotNull();
    List<Message> polled = new ArrayList<>();
    long after = 0;
    while (polled.stream().noneMatch(Received.class::isInstance)) {
      for (PollLine line : http.poll(session, after)) {
        polled.add(http.decode(line.message()));
        after = line.n();
      }
    }
    assertThat(polled.get(0)).isInstanceOf(Welcome.class);
    assertThat(polled).contains(new Received("epoch-1", samples));
  }

  @Test
  void sseResumeWithLastEventIdGetsExactlyTheMessagesAfterItWithoutDuplicates() throws Exception {
    String session = sseDashboardSession();
    ProtocolTestClient agent = wsAgent("resume-1");
    List<SseItem> firstStream = new ArrayList<>();
    try (Events events = http.events(session, null)) {
      agent.send(sample("resume-1", "test.temp", 1));
      firstStream.add(events.nextEvent(WAIT));
      firstStream.add(events.nextEvent(WAIT));
      awaitEvent(events, Sample.class, s -> s.hostId().equals("resume-1"));
    }
    for (int i = 2; i <= 4; i++) {
      agent.send(sample("resume-1", "test.temp", i));
    }
    agent.sync(WAIT);

    try (Events resumed = http.events(session, 2L)) {
      List<Long> ids = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      while (values.size() < 4) {
        SseItem item = resumed.nextEvent(WAIT);
        ids.add(Long.parseLong(item.id()));
        if (http.decode(item.data()) instanceof Sample s && s.hostId().equals("resume-1")) {
          values.add(s.values().get("test.temp"));
        }
      }

      assertThat(firstStream).extracting(SseItem::id).containsExactly("1", "2");
      assertThat(ids).startsWith(3L).isSorted().doesNotHaveDuplicates();
      assertThat(values).containsExactly(1.0, 2.0, 3.0, 4.0);
    }
  }

  @Test
  void sseResumeOlderThanWhatIsRetainedGetsClose1001AndTheLinkCloses() throws Exception {
    String session = sseDashboardSession();
    ProtocolTestClient agent = wsAgent("retain-1");
    try (Events events = http.events(session, null)) {
      events.nextEvent(WAIT);
      events.nextEvent(WAIT);
      // About 1.6 MB of samples delivered: the oldest no longer fit in the 1 MiB retained.
      for (int i = 1; i <= 50; i++) {
        agent.send(bigSample("retain-1", i));
      }
      awaitEvent(
          events,
          Sample.class,
          s -> s.hostId().equals("retain-1") && s.values().get("probe.0") == 50.0);
    }

    try (Events resumed = http.events(session, 2L)) {
      SseItem close = resumed.nextEvent(WAIT);
      resumed.awaitEnd(WAIT);

      assertThat(close.isClose()).isTrue();
      assertThat(close.json().get("code").getAsInt()).isEqualTo(CloseCodes.GOING_AWAY);
      assertThat(close.json().get("reason").getAsString())
          .isEqualTo("events after 2 are no longer held; open a new link and resume");
      assertThat(resumed.pending()).isEmpty();
    }
    HttpResponse<String> post = http.post(session, http.line(new Ping(1, 1)));
    assertThat(post.statusCode()).isEqualTo(410);
  }

  @Test
  void newEventsStreamEndsTheOlderOneWithoutACloseEvent() throws Exception {
    String session = sseDashboardSession();
    try (Events older = http.events(session, null)) {
      older.nextEvent(WAIT);

      try (Events newer = http.events(session, 0L)) {
        older.awaitEnd(WAIT);

        assertThat(older.pending()).noneMatch(SseItem::isClose);
        assertThat(newer.response().statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void malformedLineIs400WithTheCodecDetailAndCloseCodeAndOtherSessionsGoOn() throws Exception {
    String bystander = http.open();
    http.post(bystander, http.line(dashboardHello(ALICE_TOKEN)));
    pollUntil(bystander, 0, lines -> lines.size() >= 3); // welcome, snapshot, tokens (an admin)
    String session = http.open();

    HttpResponse<String> response =
        http.post(session, http.line(dashboardHello(ALICE_TOKEN)), "{not json");

    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get("closeCode").getAsInt()).isEqualTo(CloseCodes.MALFORMED);
    assertThat(body.get("error").getAsString()).startsWith("not valid JSON");
    List<PollLine> closed = pollUntilClosed(session);
    assertThat(closed.get(closed.size() - 1).close().get("code").getAsInt())
        .isEqualTo(CloseCodes.MALFORMED);
    http.post(bystander, http.line(new Ping(99, 1)));
    List<PollLine> alive = pollUntil(bystander, 3, lines -> !lines.isEmpty());
    assertThat(http.decode(alive.get(0).message())).isEqualTo(new Pong(99, 1));
  }

  @Test
  void oversizedBodyIs413AndTheSessionStillWorks() throws Exception {
    String session = http.open();
    String tooBig = "\n".repeat(HttpLinkLimits.MAX_POST_BYTES + 100);

    HttpResponse<String> refused = http.postBody(session, tooBig);
    HttpResponse<String> hello = http.post(session, http.line(dashboardHello(ALICE_TOKEN)));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(JsonParser.parseString(refused.body()).getAsJsonObject().get("error").getAsString())
        .contains("larger than");
    assertThat(hello.statusCode()).isEqualTo(204);
    assertThat(http.decode(pollUntil(session, 0, l -> !l.isEmpty()).get(0).message()))
        .isInstanceOf(Welcome.class);
  }

  @Test
  void moreThanAThousandMessagesInOnePostIs413AndNoneIsHandedOver() throws Exception {
    String session = http.open();
    String[] lines = new String[HttpLinkLimits.MAX_POST_MESSAGES + 1];
    lines[0] = http.line(dashboardHello(ALICE_TOKEN));
    for (int i = 1; i < lines.length; i++) {
      lines[i] = http.line(new Ping(i, 1));
    }

    HttpResponse<String> refused = http.post(session, lines);
    http.post(session, http.line(dashboardHello(ALICE_TOKEN)));

    assertThat(refused.statusCode()).isEqualTo(413);
    List<PollLine> polled = pollUntil(session, 0, l -> l.size() >= 2);
    assertThat(http.decode(polled.get(0).message())).isInstanceOf(Welcome.class);
    assertThat(http.decode(polled.get(1).message())).isInstanceOf(Snapshot.class);
  }

  @Test
  void unknownSessionIs404() throws Exception {
    HttpResponse<String> response =
        http.post("0123456789abcdef0123456789abcdef", http.line(new Ping(1, 1)));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().get("error").getAsString())
        .isEqualTo("unknown session; open a new link");
  }

  @Test
  void postToAClosedSessionIs410WithItsCloseCodeAndReason() throws Exception {
    String session = http.open();
    http.post(session, http.line(new Ping(1, 1)));
    pollUntilClosed(session);

    HttpResponse<String> response = http.post(session, http.line(new Ping(2, 1)));

    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(body.get("error").getAsString()).isEqualTo("link closed");
    assertThat(body.get("closeCode").getAsInt()).isEqualTo(CloseCodes.HELLO_REQUIRED);
    assertThat(body.get("reason").getAsString()).contains("hello");
  }

  @Test
  void deleteIs204AndTheRelaySeesTheDashboardLeave() throws Exception {
    int before = dashboardsConnected();
    String session = http.open();
    http.post(session, http.line(dashboardHello(ALICE_TOKEN)));
    pollUntil(session, 0, lines -> lines.size() >= 2);
    TestRelays.awaitTrue("the dashboard counted", () -> dashboardsConnected() == before + 1);

    HttpResponse<String> deleted = http.delete(session);

    assertThat(deleted.statusCode()).isEqualTo(204);
    TestRelays.awaitTrue("the dashboard gone", () -> dashboardsConnected() == before);
  }

  @Test
  void wrongTokenInHelloClosesTheSessionWith4001AndPollEndsWithTheCloseLine() throws Exception {
    String session = http.open();
    Hello hello = new Hello(Role.DASHBOARD, "wrong", "d1", "d1", "test", null, null, null);

    http.post(session, http.line(hello));

    List<PollLine> lines = pollUntilClosed(session);
    assertThat(http.decode(lines.get(0).message()))
        .isInstanceOfSatisfying(
            ErrorNotice.class, e -> assertThat(e.code()).isEqualTo(CloseCodes.UNAUTHORIZED));
    JsonObject close = lines.get(lines.size() - 1).close();
    assertThat(close.get("code").getAsInt()).isEqualTo(CloseCodes.UNAUTHORIZED);
    assertThat(close.get("reason").getAsString()).isNotBlank();
  }

  @Test
  void closedSessionsEventsStreamDeliversWhatIsHeldThenTheCloseEvent() throws Exception {
    String session = http.open();
    http.post(session, http.line(new Hello(Role.AGENT, "wrong", "a", "a", "t", null, null, null)));
    // From the start each time: a poll after the error would acknowledge it, and it would be gone
    // from the stream (the error and the close may come in separate polls).
    pollUntil(session, lines -> !lines.isEmpty() && lines.get(lines.size() - 1).close() != null);

    try (Events events = http.events(session, 0L)) {
      events.next(WAIT); // retry
      SseItem error = events.nextEvent(WAIT);
      SseItem close = events.nextEvent(WAIT);
      events.awaitEnd(WAIT);

      assertThat(http.decode(error.data())).isInstanceOf(ErrorNotice.class);
      assertThat(close.isClose()).isTrue();
      assertThat(close.json().get("code").getAsInt()).isEqualTo(CloseCodes.UNAUTHORIZED);
    }
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    String session = http.open();

    HttpResponse<String> getLink = http.send("GET", "/link", null, null);
    HttpResponse<String> putSession = http.send("PUT", "/link/" + session, "", null);
    HttpResponse<String> postEvents = http.send("POST", "/link/" + session + "/events", "", null);

    assertThat(getLink.statusCode()).isEqualTo(405);
    assertThat(getLink.headers().firstValue("Allow")).hasValue("POST");
    assertThat(putSession.statusCode()).isEqualTo(405);
    assertThat(putSession.headers().firstValue("Allow")).hasValue("POST, DELETE");
    assertThat(postEvents.statusCode()).isEqualTo(405);
    assertThat(postEvents.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void pollWithoutAfterIs400() throws Exception {
    String session = http.open();

    HttpResponse<String> response = http.send("GET", "/link/" + session + "/poll", null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonParser.parseString(response.body()).getAsJsonObject().has("error")).isTrue();
  }

  @Test
  void openAnswersSessionIdAndLocation() throws Exception {
    HttpResponse<String> response = http.send("POST", "/link", "", null);

    String session =
        JsonParser.parseString(response.body()).getAsJsonObject().get("session").getAsString();
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(session).matches("[0-9a-f]{32}");
    assertThat(response.headers().firstValue("Location")).hasValue("/link/" + session);
  }

  @Test
  void httpPeerThatNeverAnswersPingsIsClosedByTheHeartbeat() throws Exception {
    try (Relay fast =
        Relay.start(TestRelays.config(dataDir.resolve("fast")).withHeartbeatInterval(HEARTBEAT))) {
      HttpLinkTestClient client = new HttpLinkTestClient(fast.httpPort());
      String session = client.open();
      client.post(session, client.line(dashboardHello(ALICE_TOKEN)));

      List<Message> got = new ArrayList<>();
      JsonObject close = null;
      long after = 0;
      while (close == null) {
        for (PollLine line : client.poll(session, after)) {
          if (line.close() != null) {
            close = line.close();
          } else {
            got.add(client.decode(line.message()));
            after = line.n();
          }
        }
      }

      assertThat(got).anyMatch(Ping.class::isInstance);
      assertThat(close.get("code").getAsInt()).isEqualTo(CloseCodes.HEARTBEAT_TIMEOUT);
    }
  }

  @Test
  void stalledPollerIsClosedAsASlowConsumerWhileAWebSocketDashboardGetsEverything()
      throws Exception {
    try (Relay slow =
        Relay.start(
            TestRelays.config(dataDir.resolve("slow-heartbeat"))
                .withHeartbeatInterval(Duration.ofMillis(200)))) {
      HttpLinkTestClient client = new HttpLinkTestClient(slow.httpPort());
      String stalled = client.open();
      client.post(stalled, client.line(dashboardHello(ALICE_TOKEN)));
      ProtocolTestClient healthy =
          ProtocolTestClient.connect(slow.port(), dashboardHello(ALICE_TOKEN));
      healthy.awaitMessage(Snapshot.class, WAIT);
      ProtocolTestClient agent = ProtocolTestClient.connect(slow.port(), agentHello("flood-1"));
      agent.awaitMessage(Welcome.class, WAIT);
      // Both dashboards keep talking, so only the stall can get one closed; the stalled one
      // never polls, and learns why from the answer to its next POST.
      java.util.concurrent.atomic.AtomicReference<JsonObject> gone =
          new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.ScheduledExecutorService pinger =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      pinger.scheduleAtFixedRate(
          () -> {
            healthy.send(new Ping(1, 1));
            try {
              HttpResponse<String> r = client.post(stalled, client.line(new Ping(1, 1)));
              if (r.statusCode() == 410) {
                gone.compareAndSet(null, JsonParser.parseString(r.body()).getAsJsonObject());
              }
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          },
          0,
          50,
          TimeUnit.MILLISECONDS);
      try {
        int samples = 300; // ~32 KB each: ~10 MB, well past the 4 MiB behind threshold
        for (int i = 1; i <= samples; i++) {
          agent.send(bigSample("flood-1", i));
        }
        for (int i = 1; i <= samples; i++) {
          healthy.awaitMessage(Sample.class, Duration.ofSeconds(20));
        }
        TestRelays.awaitTrue(
            "the stalled poller closed", () -> gone.get() != null, Duration.ofSeconds(20));
      } finally {
        pinger.shutdownNow();
      }

      assertThat(gone.get().get("closeCode").getAsInt()).isEqualTo(CloseCodes.SLOW_CONSUMER);
      healthy.sync(WAIT);
      assertThat(healthy.isOpen()).isTrue();
    }
  }

  @Test
  void stoppingTheRelayEndsEventsStreamsWithClose1001() throws Exception {
    Relay stopping = Relay.start(TestRelays.config(dataDir.resolve("stopping")));
    HttpLinkTestClient client = new HttpLinkTestClient(stopping.httpPort());
    String session = client.open();
    client.post(session, client.line(dashboardHello(ALICE_TOKEN)));
    try (Events events = client.events(session, null)) {
      events.nextEvent(WAIT); // welcome
      events.nextEvent(WAIT); // snapshot
      events.nextEvent(WAIT); // tokens: alice is an admin

      stopping.close();

      SseItem close = events.nextEvent(WAIT);
      assertThat(close.isClose()).isTrue();
      assertThat(close.json().get("code").getAsInt()).isEqualTo(CloseCodes.GOING_AWAY);
      assertThat(close.json().get("reason").getAsString()).isEqualTo("relay shutting down");
    }
  }

  // ---- helpers ----

  /** An HTTP dashboard session whose hello was accepted (welcome and snapshot not yet read). */
  private static String sseDashboardSession() throws Exception {
    String session = http.open();
    assertThat(http.post(session, http.line(dashboardHello(ALICE_TOKEN))).statusCode())
        .isEqualTo(204);
    return session;
  }

  private static ProtocolTestClient wsAgent(String hostId) throws InterruptedException {
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(hostId));
    agent.awaitMessage(Welcome.class, WAIT);
    return agent;
  }

  private static Sample bigSample(String hostId, int n) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < 2_000; i++) {
      values.put("probe." + i, (double) n);
    }
    return new Sample(hostId, System.currentTimeMillis(), values);
  }

  private static <T extends Message> T awaitEvent(
      Events events, Class<T> type, Predicate<? super T> predicate) throws InterruptedException {
    while (true) {
      SseItem item = events.nextEvent(WAIT);
      Message m = http.decode(item.data());
      if (type.isInstance(m) && predicate.test(type.cast(m))) {
        return type.cast(m);
      }
    }
  }

  /** Polls from {@code after}, accumulating, until {@code done} holds for what was got. */
  private static List<PollLine> pollUntil(
      String session, long after, Predicate<List<PollLine>> done) throws Exception {
    List<PollLine> got = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.test(got)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("poll did not get enough within " + WAIT + ": " + got);
      }
      List<PollLine> lines = http.poll(session, after);
      got.addAll(lines);
      for (PollLine line : lines) {
        if (line.close() != null) {
          return got;
        }
        after = line.n();
      }
    }
    return got;
  }

  /** Polls from the start (acknowledging nothing) until what one poll returns is {@code done}. */
  private static void pollUntil(String session, Predicate<List<PollLine>> done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<PollLine> lines = http.poll(session, 0);
    while (!done.test(lines)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("poll did not get enough within " + WAIT + ": " + lines);
      }
      lines = http.poll(session, 0);
    }
  }

  private static List<PollLine> pollUntilClosed(String session) throws Exception {
    return pollUntil(
        session, 0, lines -> !lines.isEmpty() && lines.get(lines.size() - 1).close() != null);
  }

  private static <T extends Message> T awaitPolled(
      String session, long after, Class<T> type, String hostId) throws Exception {
    List<PollLine> got =
        pollUntil(
            session,
            after,
            lines ->
                lines.stream()
                    .anyMatch(
                        l ->
                            l.message() != null
                                && http.decode(l.message()) instanceof Sample s
                                && s.hostId().equals(hostId)));
    for (PollLine line : got) {
      Message m = http.decode(line.message());
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + got);
  }

  private static int dashboardsConnected() {
    try {
      HttpResponse<String> response = http.send("GET", "/health", null, null);
      return JsonParser.parseString(response.body())
          .getAsJsonObject()
          .get("dashboardsConnected")
          .getAsInt();
    } catch (Exception e) {
      throw new AssertionError("health check failed", e);
    }
  }
}
