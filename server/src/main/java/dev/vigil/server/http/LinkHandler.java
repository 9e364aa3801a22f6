package dev.vigil.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /link} endpoints: open a session, post its messages, stream or poll what the relay
 * sends, delete it. Decodes and hands off; the relay core does the rest on its own thread.
 */
final class LinkHandler implements HttpHandler {
  static final String LAST_EVENT_ID = "Last-Event-ID";

  private static final Logger log = LoggerFactory.getLogger(LinkHandler.class);
  private static final Pattern PATH = Pattern.compile("^/link(?:/([^/]+)(?:/(events|poll))?)?/?$");
  private static final Pattern SESSION_ID =
      Pattern.compile("^[0-9a-f]{" + 2 * HttpLinkLimits.SESSION_ID_BYTES + "}$");
  private static final Pattern AFTER = Pattern.compile("(?:^|&)after=([0-9]{1,18})(?:&|$)");

  private final MessageCodec codec;
  private final LinkSessions sessions;
  private final LinkTimings timings;

  LinkHandler(MessageCodec codec, LinkSessions sessions, LinkTimings timings) {
    this.codec = codec;
    this.sessions = sessions;
    this.timings = timings;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      if (!path.matches()) {
        JsonResponses.error(exchange, JsonResponses.NOT_FOUND, "no such endpoint");
      } else if (path.group(1) == null) {
        open(exchange);
      } else if (path.group(2) == null) {
        session(exchange, path.group(1));
      } else if (path.group(2).equals("events")) {
        events(exchange, path.group(1));
      } else {
        poll(exchange, path.group(1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("HTTP link request {} ended: {}", exchange.getRequestURI(), e.toString());
    }
  }

  private void open(HttpExchange exchange) throws IOException {
    if (JsonResponses.rejectMethod(exchange, "POST")) {
      return;
    }
    exchange.getRequestBody().readNBytes(HttpLinkLimits.MAX_POST_BYTES);
    HttpPeerLink link = sessions.open(String.valueOf(exchange.getRemoteAddress()));
    if (link == null) {
      JsonResponses.error(
          exchange,
          JsonResponses.UNAVAILABLE,
          "too many open sessions (" + HttpLinkLimits.MAX_SESSIONS + "); retry later");
      return;
    }
    exchange.getResponseHeaders().set("Location", "/link/" + link.id());
    JsonResponses.send(exchange, JsonResponses.CREATED, Map.of("session", link.id()));
  }

  private void session(HttpExchange exchange, String id) throws IOException {
    if (JsonResponses.rejectMethod(exchange, "POST", "DELETE")) {
      return;
    }
    HttpPeerLink link = find(exchange, id);
    if (link == null) {
      return;
    }
    if (exchange.getRequestMethod().equals("DELETE")) {
      link.closeByPeer();
      JsonResponses.noContent(exchange);
      return;
    }
    if (rejectClosed(exchange, link)) {
      return;
    }
    NdjsonBody.Outcome body = NdjsonBody.read(exchange.getRequestBody());
    if (body instanceof NdjsonBody.TooLarge tooLarge) {
      JsonResponses.error(exchange, JsonResponses.TOO_LARGE, tooLarge.reason());
    } else if (body instanceof NdjsonBody.NotUtf8 notUtf8) {
      link.listener().onRejected(link, CloseCodes.MALFORMED, notUtf8.reason());
      rejected(exchange, notUtf8.reason(), CloseCodes.MALFORMED);
    } else {
      handOver(exchange, link, ((NdjsonBody.Lines) body).lines());
    }
  }

  private void handOver(HttpExchange exchange, HttpPeerLink link, java.util.List<String> lines)
      throws IOException {
    synchronized (link.inboundLock()) {
      if (rejectClosed(exchange, link)) {
        return;
      }
      for (String line : lines) {
        DecodeResult result = codec.decode(line);
        if (result instanceof DecodeResult.Decoded decoded) {
          link.listener().onMessage(link, decoded.envelope());
        } else {
          DecodeResult.Failed failed = (DecodeResult.Failed) result;
          link.listener().onRejected(link, failed.closeCode(), failed.detail());
          rejected(exchange, failed.detail(), failed.closeCode());
          return;
        }
      }
    }
    JsonResponses.noContent(exchange);
  }

  private void events(HttpExchange exchange, String id) throws IOException, InterruptedException {
    if (JsonResponses.rejectMethod(exchange, "GET")) {
      return;
    }
    HttpPeerLink link = find(exchange, id);
    if (link == null) {
      return;
    }
    String header = exchange.getRequestHeaders().getFirst(LAST_EVENT_ID);
    long lastEventId = header == null ? 0 : parseNumber(header.trim());
    if (lastEventId < 0) {
      JsonResponses.error(
          exchange, JsonResponses.BAD_REQUEST, LAST_EVENT_ID + " must be a whole number >= 0");
      return;
    }
    if (!hold(exchange)) {
      return;
    }
    try {
      EventStream.serve(exchange, link, lastEventId, timings.keepaliveMs());
    } finally {
      sessions.release();
    }
  }

  private void poll(HttpExchange exchange, String id) throws IOException, InterruptedException {
    if (JsonResponses.rejectMethod(exchange, "GET")) {
      return;
    }
    HttpPeerLink link = find(exchange, id);
    if (link == null) {
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    Matcher after = AFTER.matcher(query == null ? "" : query);
    if (!after.find()) {
      JsonResponses.error(
          exchange,
          JsonResponses.BAD_REQUEST,
          "missing or invalid 'after': the last message number received (0 for none)");
      return;
    }
    LongPoll.serve(exchange, link, Long.parseLong(after.group(1)), timings.pollHoldMs(), sessions);
  }

  private HttpPeerLink find(HttpExchange exchange, String id) throws IOException {
    HttpPeerLink link = SESSION_ID.matcher(id).matches() ? sessions.find(id) : null;
    if (link == null) {
      JsonResponses.error(exchange, JsonResponses.NOT_FOUND, "unknown session; open a new link");
    }
    return link;
  }

  private boolean hold(HttpExchange exchange) throws IOException {
    if (sessions.tryHold()) {
      return true;
    }
    JsonResponses.error(
        exchange,
        JsonResponses.UNAVAILABLE,
        "too many held requests (" + HttpLinkLimits.MAX_HELD_REQUESTS + "); retry shortly");
    return false;
  }

  /** True (having answered 410 with the close) when the link has closed. */
  private static boolean rejectClosed(HttpExchange exchange, HttpPeerLink link) throws IOException {
    LinkOutbox.Close close = link.outbox().closed();
    if (close == null) {
      return false;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "link closed");
    body.put("closeCode", close.code());
    body.put("reason", close.reason());
    JsonResponses.send(exchange, JsonResponses.GONE, body);
    return true;
  }

  private static void rejected(HttpExchange exchange, String detail, int closeCode)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", detail);
    body.put("closeCode", closeCode);
    JsonResponses.send(exchange, JsonResponses.BAD_REQUEST, body);
  }

  private static long parseNumber(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(text);
  }
}
