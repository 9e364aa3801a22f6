package dev.vigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbering, delivery, retention and acknowledgement of one link's outbox. */
class HttpLinkOutboxTest {
  private final LinkOutbox outbox = new LinkOutbox();

  @Test
  void messagesAreNumberedFromOneInTheOrderSent() {
    outbox.append(List.of("a", "b"));
    outbox.append(List.of("c"));

    assertThat(outbox.take(0, Long.MAX_VALUE).entries())
        .extracting(LinkOutbox.Entry::n, LinkOutbox.Entry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "a"),
            org.assertj.core.groups.Tuple.tuple(2L, "b"),
            org.assertj.core.groups.Tuple.tuple(3L, "c"));
  }

  @Test
  void queuedBytesCountOnlyWhatNoReaderGotYet() {
    outbox.append(List.of("aaaa", "bb", "é"));

    outbox.delivered(1);

    assertThat(outbox.undeliveredCount()).isEqualTo(2);
    assertThat(outbox.undeliveredBytes()).isEqualTo(2 + 2);
    assertThat(outbox.heldBytes()).isEqualTo(4 + 2 + 2);
  }

  @Test
  void acknowledgedMessagesAreDroppedAndAskingForThemAgainIsGone() {
    outbox.append(List.of("a", "b", "c"));

    outbox.acknowledge(2);

    assertThat(outbox.take(2, Long.MAX_VALUE).entries())
        .extracting(LinkOutbox.Entry::n)
        .containsExactly(3L);
    assertThat(outbox.take(1, Long.MAX_VALUE).gone()).isTrue();
    assertThat(outbox.heldBytes()).isEqualTo(1);
  }

  @Test
  void acknowledgingBeyondTheLastMessageStandsAtTheLastMessage() {
    outbox.append(List.of("a", "b"));

    long position = outbox.acknowledge(10);
    outbox.append(List.of("c"));

    assertThat(position).isEqualTo(2);
    assertThat(outbox.take(position, Long.MAX_VALUE).entries())
        .extracting(LinkOutbox.Entry::n)
        .containsExactly(3L);
  }

  @Test
  void deliveredMessagesAreRetainedUpToTheLimitAndAlwaysTheNewest() {
    String big = "x".repeat((int) HttpLinkLimits.SSE_RETAIN_BYTES / 2 + 1);
    outbox.append(List.of(big, big, big));

    outbox.delivered(3);

    assertThat(outbox.take(1, Long.MAX_VALUE).gone()).isTrue();
    assertThat(outbox.take(2, Long.MAX_VALUE).entries())
        .extracting(LinkOutbox.Entry::n)
        .containsExactly(3L);
  }

  @Test
  void takeStopsAtTheByteLimitButAlwaysGivesOne() {
    outbox.append(List.of("aaaa", "bbbb", "cccc"));

    assertThat(outbox.take(0, 6).entries()).hasSize(1);
    assertThat(outbox.take(0, 8).entries()).hasSize(2);
    assertThat(outbox.take(0, 1).entries()).hasSize(1);
  }

  @Test
  void closeIsReportedOnlyOnceTheReaderReachedTheLastMessage() {
    outbox.append(List.of("a", "b"));

    outbox.close(4001, "unknown token", false);

    assertThat(outbox.take(0, 1).close()).isNull();
    assertThat(outbox.take(1, 1).close()).isEqualTo(new LinkOutbox.Close(4001, "unknown token"));
  }

  @Test
  void abortDropsWhatNoReaderGotAndLaterSendsAreDropped() {
    outbox.append(List.of("a", "b"));
    outbox.delivered(1);

    outbox.close(4010, "slow consumer", true);
    outbox.append(List.of("c"));

    assertThat(outbox.undeliveredCount()).isZero();
    assertThat(outbox.take(1, Long.MAX_VALUE).entries()).isEmpty();
    assertThat(outbox.take(1, Long.MAX_VALUE).close().code()).isEqualTo(4010);
  }

  @Test
  void newerStreamReplacesTheOlder() {
    long older = outbox.newStream();
    long newer = outbox.newStream();

    assertThat(outbox.isCurrent(older)).isFalse();
    assertThat(outbox.isCurrent(newer)).isTrue();
  }

  @Test
  void utf8LengthCountsSurrogatePairsAsFourBytes() {
    assertThat(LinkOutbox.utf8Length("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
  }
}
