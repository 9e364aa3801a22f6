package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@code GET /link/<id>/events}: a Server-Sent Events stream of the link's messages, each with
 * its number as the event id, flushed one write at a time; a keepalive comment when idle; the close
 * as a final {@code close} event. Ends silently when a newer stream of the same session replaces
 * it.
 */
final class EventStream {
  /** Bytes of messages gathered into one write to the stream at most (one message may be more). */
  static final long WRITE_CHUNK_BYTES = 256 * 1024;

  static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";

  private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);

  private EventStream() {}

  /**
   * Streams until the link closes, the peer goes away or a newer stream replaces this one.
   *
   * @param lastEventId the last number the peer has (0 for a first stream)
   */
  static void serve(HttpExchange exchange, HttpPeerLink link, long lastEventId, long keepaliveMs)
      throws IOException, InterruptedException {
    LinkOutbox outbox = link.outbox();
    long after = outbox.acknowledge(lastEventId);
    long generation = outbox.newStream();
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(JsonResponses.OK, 0);
    OutputStream out = exchange.getResponseBody();
    if (outbox.take(after, 0).gone()) {
      endGone(out, link, after);
      return;
    }
    write(out, ("retry: " + HttpLinkLimits.SSE_RETRY_MS + "\n\n").getBytes(StandardCharsets.UTF_8));
    while (true) {
      outbox.await(after, keepaliveMs, generation);
      if (!outbox.isCurrent(generation)) {
        return;
      }
      LinkOutbox.Take take = outbox.take(after, WRITE_CHUNK_BYTES);
      if (take.gone()) {
        endGone(out, link, after);
        return;
      }
      if (take.entries().isEmpty() && take.close() == null) {
        write(out, KEEPALIVE);
        continue;
      }
      StringBuilder events = new StringBuilder();
      for (LinkOutbox.Entry entry : take.entries()) {
        events
            .append("id: ")
            .append(entry.n())
            .append("\ndata: ")
            .append(entry.text())
            .append("\n\n");
      }
      if (take.close() != null) {
        events.append(closeEvent(take.close()));
      }
      write(out, events.toString().getBytes(StandardCharsets.UTF_8));
      if (!take.entries().isEmpty()) {
        after = take.entries().get(take.entries().size() - 1).n();
        outbox.delivered(after);
      }
      if (take.close() != null) {
        return;
      }
    }
  }

  private static void endGone(OutputStream out, HttpPeerLink link, long after) throws IOException {
    write(out, closeEvent(link.closeAsGone(after)).getBytes(StandardCharsets.UTF_8));
  }

  private static String closeEvent(LinkOutbox.Close close) {
    return "event: close\ndata: " + JsonResponses.json(close) + "\n\n";
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }
}
