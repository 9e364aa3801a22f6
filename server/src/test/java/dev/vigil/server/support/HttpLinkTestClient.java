package dev.vigil.server.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A peer of the relay's HTTP link transport for tests, on the JDK's {@link HttpClient}: opens
 * sessions, posts NDJSON, polls, and reads events streams on a thread of their own.
 */
public final class HttpLinkTestClient {
  /** One thing read from an events stream: an event (id may be null) or a comment. */
  public record SseItem(String id, String event, String data, String comment, Long retry) {
    public boolean isComment() {
      return comment != null;
    }

    /** True for the final {@code event: close}. */
    public boolean isClose() {
      return "close".equals(event);
    }

    /** The data as a JSON object. */
    public JsonObject json() {
      return JsonParser.parseString(data).getAsJsonObject();
    }
  }

  /** One line of a poll answer: a numbered message or the close. */
  public record PollLine(long n, String message, JsonObject close) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final String base;

  public HttpLinkTestClient(int httpPort) {
    this.base = "http://127.0.0.1:" + httpPort;
  }

  /** Encodes {@code message} as the relay expects it, one line. */
  public String line(Message message) {
    return codec.encode(message);
  }

  /** Encodes an envelope (e.g. with a sequence number), one line. */
  public String line(Envelope envelope) {
    return codec.encode(envelope);
  }

  /** The relay message in a line of text. */
  public Message decode(String json) {
    DecodeResult result = codec.decode(json);
    if (!(result instanceof DecodeResult.Decoded decoded)) {
      throw new AssertionError("relay sent an undecodable message: " + result + " : " + json);
    }
    return decoded.envelope().body();
  }

  /** {@code POST /link}; asserts 201 and returns the session id. */
  public String open() throws IOException, InterruptedException {
    HttpResponse<String> response = send("POST", "/link", "", null);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "POST /link answered " + response.statusCode() + " " + response.body());
    }
    return JsonParser.parseString(response.body()).getAsJsonObject().get("session").getAsString();
  }

  /** {@code POST /link/<id>} with these lines joined by newlines. */
  public HttpResponse<String> post(String session, String... lines)
      throws IOException, InterruptedException {
    return postBody(session, String.join("\n", lines) + "\n");
  }

  /** {@code POST /link/<id>} with a raw body. */
  public HttpResponse<String> postBody(String session, String body)
      throws IOException, InterruptedException {
    return send("POST", "/link/" + session, body, null);
  }

  /** {@code DELETE /link/<id>}. */
  public HttpResponse<String> delete(String session) throws IOException, InterruptedException {
    return send("DELETE", "/link/" + session, null, null);
  }

  /** {@code GET /link/<id>/poll?after=k}, raw. */
  public HttpResponse<String> pollRaw(String session, long after)
      throws IOException, InterruptedException {
    return send("GET", "/link/" + session + "/poll?after=" + after, null, null);
  }

  /** {@code GET /link/<id>/poll?after=k}; asserts 200 and parses the lines. */
  public List<PollLine> poll(String session, long after) throws IOException, InterruptedException {
    HttpResponse<String> response = pollRaw(session, after);
    if (response.statusCode() != 200) {
      throw new AssertionError("poll answered " + response.statusCode() + " " + response.body());
    }
    List<PollLine> lines = new ArrayList<>();
    for (String text : response.body().split("\n")) {
      if (text.isBlank()) {
        continue;
      }
      JsonObject o = JsonParser.parseString(text).getAsJsonObject();
      if (o.has("close")) {
        lines.add(new PollLine(0, null, o.getAsJsonObject("close")));
      } else {
        lines.add(new PollLine(o.get("n").getAsLong(), o.get("m").toString(), null));
      }
    }
    return lines;
  }

  /** Any request, answered as text. */
  public HttpResponse<String> send(String method, String path, String body, String lastEventId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(REQUEST_TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens {@code GET /link/<id>/events}; returns once the headers arrived. */
  public Events events(String session, Long lastEventId) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/link/" + session + "/events"));
    if (lastEventId != null) {
      request.header("Last-Event-ID", String.valueOf(lastEventId));
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    return new Events(response);
  }

  /** An events stream read on its own thread into a queue. */
  public static final class Events implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseItem> items = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean ended;

    Events(HttpResponse<InputStream> response) {
      this.response = response;
      this.reader = new Thread(this::read, "sse-test-reader");
      reader.setDaemon(true);
      reader.start();
    }

    public HttpResponse<InputStream> response() {
      return response;
    }

    /** The next item (event or comment), waiting up to {@code timeout}. */
    public SseItem next(Duration timeout) throws InterruptedException {
      SseItem item = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        throw new AssertionError("nothing on the events stream within " + timeout);
      }
      return item;
    }

    /** The next event with data, skipping comments and a bare {@code retry:}. */
    public SseItem nextEvent(Duration timeout) throws InterruptedException {
      while (true) {
        SseItem item = next(timeout);
        if (item.data() != null) {
          return item;
        }
      }
    }

    /** Waits until the server ended the stream. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
      reader.join(timeout.toMillis());
      if (!ended) {
        throw new AssertionError("events stream still open after " + timeout);
      }
    }

    /** Items read and not yet taken. */
    public List<SseItem> pending() {
      return new ArrayList<>(items);
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String id = null;
        String event = null;
        StringBuilder data = null;
        Long retry = null;
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isEmpty()) {
            if (data != null || event != null || id != null || retry != null) {
              items.add(new SseItem(id, event, data == null ? null : data.toString(), null, retry));
            }
            id = null;
            event = null;
            data = null;
            retry = null;
          } else if (line.startsWith(":")) {
            items.add(new SseItem(null, null, null, line.substring(1).trim(), null));
          } else {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
              value = value.substring(1);
            }
            switch (field) {
              case "id" -> id = value;
              case "event" -> event = value;
              case "retry" -> retry = Long.parseLong(value);
              case "data" ->
                  data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
              default -> {}
            }
          }
        }
      } catch (IOException e) {
        // the stream was cut: ended
      } finally {
        ended = true;
      }
    }

    @Override
    public void close() throws IOException {
      response.body().close();
    }
  }
}
