package dev.vigil.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class SseReaderTest {
  private static SseReader reader(String text) {
    return new SseReader(new BufferedReader(new StringReader(text)));
  }

  @Test
  void readsIdAndDataOfEachEvent() throws IOException {
    SseReader events = reader("id: 1\ndata: {\"a\":1}\n\nid: 2\ndata: {\"b\":2}\n\n");
    assertThat(events.next()).isEqualTo(new SseReader.Event("1", null, "{\"a\":1}"));
    assertThat(events.next()).isEqualTo(new SseReader.Event("2", null, "{\"b\":2}"));
    assertThat(events.next()).isNull();
  }

  @Test
  void skipsCommentsUsedAsKeepalive() throws IOException {
    SseReader events = reader(": keepalive\n\n: keepalive\n\ndata: x\n\n");
    assertThat(events.next().data()).isEqualTo("x");
  }

  @Test
  void joinsDataLinesWithNewlines() throws IOException {
    assertThat(reader("data: a\ndata: b\n\n").next().data()).isEqualTo("a\nb");
  }

  @Test
  void readsNamedEventsAndRetry() throws IOException {
    SseReader events = reader("retry: 1500\n\nevent: close\ndata: {\"code\":1001}\n\n");
    SseReader.Event close = events.next();
    assertThat(close.event()).isEqualTo("close");
    assertThat(events.retryMs()).isEqualTo(1500);
  }

  @Test
  void anEventCutOffBeforeItsBlankLineIsNotDispatched() throws IOException {
    assertThat(reader("id: 3\ndata: half").next()).isNull();
  }
}
