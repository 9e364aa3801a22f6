package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@code GET /link/<id>/poll?after=k}: acknowledges up to {@code k}, then answers NDJSON lines
 * {@code {"n":…,"m":…}} of the messages after it, waiting for one when there is none, and a final
 * {@code {"close":…}} line once the link has closed.
 */
final class LongPoll {
  static final String CONTENT_TYPE = "application/x-ndjson";

  /** A closed link's last line. */
  record CloseLine(LinkOutbox.Close close) {}

  private LongPoll() {}

  /**
   * Answers the poll.
   *
   * @param requestedAfter the {@code after} asked for: the last number the peer has
   * @param sessions where a poll that has to wait takes a held-request slot
   */
  static void serve(
      HttpExchange exchange,
      HttpPeerLink link,
      long requestedAfter,
      long holdMs,
      LinkSessions sessions)
      throws IOException, InterruptedException {
    LinkOutbox outbox = link.outbox();
    long position = outbox.acknowledge(requestedAfter);
    LinkOutbox.Take take = outbox.take(position, HttpLinkLimits.POLL_MAX_BYTES);
    boolean held = false;
    try {
      if (!take.gone() && take.entries().isEmpty() && take.close() == null) {
        held = sessions.tryHold();
        if (!held) {
          JsonResponses.error(
              exchange,
              JsonResponses.UNAVAILABLE,
              "too many held requests (" + HttpLinkLimits.MAX_HELD_REQUESTS + "); retry shortly");
          return;
        }
        outbox.await(position, holdMs, -1);
        take = outbox.take(position, HttpLinkLimits.POLL_MAX_BYTES);
      }
      answer(exchange, link, position, take);
    } finally {
      if (held) {
        sessions.release();
      }
    }
  }

  private static void answer(
      HttpExchange exchange, HttpPeerLink link, long after, LinkOutbox.Take take)
      throws IOException {
    StringBuilder body = new StringBuilder();
    if (take.gone()) {
      body.append(JsonResponses.json(new CloseLine(link.closeAsGone(after)))).append('\n');
    }
    for (LinkOutbox.Entry entry : take.entries()) {
      body.append("{\"n\":").append(entry.n()).append(",\"m\":").append(entry.text()).append("}\n");
    }
    if (take.close() != null) {
      body.append(JsonResponses.json(new CloseLine(take.close()))).append('\n');
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(JsonResponses.OK, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    if (!take.entries().isEmpty()) {
      link.outbox().delivered(take.entries().get(take.entries().size() - 1).n());
    }
  }
}
