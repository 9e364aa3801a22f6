package dev.vigil.server.notify;

import static dev.vigil.server.support.TestRelays.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Severity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher's queueing, retries and counts, with channels made in the test. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NotificationDispatcherTest {

  @Test
  void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Channel blocked = new Channel("blocked", NotificationFilter.ALL, n -> release.await());
    try (NotificationDispatcher dispatcher =
        TestAlerts.dispatcher(List.of(blocked), TestAlerts.FAST_RETRY, 3)) {

      for (int i = 0; i < 5; i++) {
        dispatcher.offer(TestAlerts.firing("host-" + i, Severity.CRITICAL));
      }

      assertThat(dispatcher.stats().channel("blocked").dropped()).isEqualTo(2);
      assertThat(dispatcher.stats().queued()).isEqualTo(3);
      release.countDown();
      awaitTrue("all sent", () -> dispatcher.stats().channel("blocked").sent() == 3);
      assertThat(dispatcher.stats().queued()).isZero();
    }
  }

  @Test
  void aChannelFailingEveryAttemptIsGivenUpOnAndCountedAsFailed() throws Exception {
    Channel broken =
        new Channel(
            "broken",
            NotificationFilter.ALL,
            n -> {
              throw new IOException("down");
            });
    try (NotificationDispatcher dispatcher =
        TestAlerts.dispatcher(List.of(broken), TestAlerts.FAST_RETRY, 10)) {

      dispatcher.offer(TestAlerts.firing("rack-07", Severity.CRITICAL));

      awaitTrue("failed", () -> dispatcher.stats().channel("broken").failed() == 1);
      assertThat(broken.attempts).hasSize(3);
      assertThat(dispatcher.stats().channel("broken")).isEqualTo(new ChannelStats(0, 1, 0, 2, 0));
    }
  }

  @Test
  void aFailingChannelDoesNotHoldBackAnother() throws Exception {
    Channel broken =
        new Channel(
            "broken",
            NotificationFilter.ALL,
            n -> {
              throw new IOException("down");
            });
    Channel working = new Channel("working", NotificationFilter.ALL, n -> {});
    try (NotificationDispatcher dispatcher =
        TestAlerts.dispatcher(
            List.of(broken, working),
            new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(30)),
            10)) {

      dispatcher.offer(TestAlerts.firing("rack-07", Severity.CRITICAL));

      awaitTrue("working sent", () -> dispatcher.stats().channel("working").sent() == 1);
      awaitTrue("broken retrying", () -> dispatcher.stats().channel("broken").retrying() == 1);
    }
  }

  @Test
  void eachChannelGetsOnlyWhatItsFilterAccepts() throws Exception {
    Channel critical =
        new Channel(
            "critical",
            new NotificationFilter(Severity.CRITICAL, null, NotificationFilter.DEFAULT_TRANSITIONS),
            n -> {});
    Channel everything = new Channel("everything", NotificationFilter.ALL, n -> {});
    try (NotificationDispatcher dispatcher =
        TestAlerts.dispatcher(List.of(critical, everything), TestAlerts.FAST_RETRY, 10)) {

      dispatcher.offer(TestAlerts.firing("warm", Severity.WARNING));
      dispatcher.offer(TestAlerts.firing("hot", Severity.CRITICAL));

      awaitTrue("everything sent", () -> dispatcher.stats().channel("everything").sent() == 2);
      awaitTrue("critical sent", () -> dispatcher.stats().channel("critical").sent() == 1);
      assertThat(critical.attempts).extracting(n -> n.alert().hostId()).containsExactly("hot");
    }
  }

  @Test
  void everyAttemptCarriesTheAlertIdTransitionAndRelayId() throws Exception {
    Channel channel = new Channel("one", NotificationFilter.ALL, n -> {});
    try (NotificationDispatcher dispatcher =
        TestAlerts.dispatcher(List.of(channel), TestAlerts.FAST_RETRY, 10)) {

      dispatcher.offer(TestAlerts.firing("rack-07", Severity.CRITICAL));

      awaitTrue("sent", () -> dispatcher.stats().channel("one").sent() == 1);
      Notification n = channel.attempts.get(0);
      assertThat(n.json())
          .contains("\"id\":\"alert-rack-07\"")
          .contains("\"transition\":\"firing\"")
          .contains("\"relayId\":\"relay-1\"");
    }
  }

  @Test
  void backoffDoublesFromTheBaseUpToTheCap() {
    RetryPolicy policy = RetryPolicy.DEFAULT;

    assertThat(
            List.of(
                policy.delayAfter(1),
                policy.delayAfter(2),
                policy.delayAfter(3),
                policy.delayAfter(6),
                policy.delayAfter(7),
                policy.delayAfter(40)))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(32),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60));
  }

  /** What a test channel does with a notification. */
  interface Behaviour {
    void send(Notification n) throws Exception;
  }

  /** A channel that records its attempts and does what the test says. */
  static final class Channel implements NotificationChannel {
    final List<Notification> attempts = new CopyOnWriteArrayList<>();
    private final String name;
    private final NotificationFilter filter;
    private final Behaviour behaviour;

    Channel(String name, NotificationFilter filter, Behaviour behaviour) {
      this.name = name;
      this.filter = filter;
      this.behaviour = behaviour;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public NotificationFilter filter() {
      return filter;
    }

    @Override
    public void send(Notification n) throws Exception {
      attempts.add(n);
      behaviour.send(n);
    }
  }
}
