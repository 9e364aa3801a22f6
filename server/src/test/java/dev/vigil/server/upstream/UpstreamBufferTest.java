package dev.vigil.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounded buffer of messages forwarded to central and not yet acknowledged. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class UpstreamBufferTest {
  private static final String TEN = "0123456789";

  private static List<String> drain(UpstreamBuffer.Backlog backlog) {
    List<String> texts = new ArrayList<>();
    for (String t = backlog.nextUnwritten(); t != null; t = backlog.nextUnwritten()) {
      texts.add(t);
      backlog.markWritten();
    }
    return texts;
  }

  @Test
  void acknowledgedMessagesAreForgottenAndFreeTheirBytes() {
    UpstreamBuffer buffer = new UpstreamBuffer(1_000);
    UpstreamBuffer.Backlog a = buffer.backlog("a");
    a.append(1, "one");
    a.append(2, "two");
    drain(a);

    a.acknowledge(1);

    assertThat(a.size()).isEqualTo(1);
    assertThat(buffer.bytes()).isEqualTo(3);
  }

  @Test
  void rewindWritesAgainWhatCentralDoesNotHoldInOrder() {
    UpstreamBuffer buffer = new UpstreamBuffer(1_000);
    UpstreamBuffer.Backlog a = buffer.backlog("a");
    a.append(1, "one");
    a.append(2, "two");
    drain(a);
    a.append(3, "three");

    a.rewind(1);

    assertThat(drain(a)).containsExactly("two", "three");
  }

  @Test
  void fullBufferDropsTheOldestMessageOfAllHostsAndCountsIt() {
    UpstreamBuffer buffer = new UpstreamBuffer(30);
    UpstreamBuffer.Backlog a = buffer.backlog("a");
    UpstreamBuffer.Backlog b = buffer.backlog("b");
    a.append(1, TEN);
    b.append(1, TEN);
    a.append(2, TEN);

    b.append(2, TEN);

    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.bytes()).isEqualTo(30);
    assertThat(a.size()).isEqualTo(1);
    assertThat(b.size()).isEqualTo(2);
  }

  @Test
  void acknowledgedMessagesAreNotDroppedAgainWhenTheBufferFills() {
    UpstreamBuffer buffer = new UpstreamBuffer(20);
    UpstreamBuffer.Backlog a = buffer.backlog("a");
    UpstreamBuffer.Backlog b = buffer.backlog("b");
    a.append(1, TEN);
    b.append(1, TEN);
    a.acknowledge(1);

    b.append(2, TEN);
    b.append(3, TEN);

    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(drain(b)).hasSize(2);
    assertThat(a.size()).isZero();
  }
}
