package dev.vigil.link;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.vigil.protocol.CloseCodes;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Channel} over the relay's HTTP link: a session opened with {@code POST /link}, messages
 * up in batched NDJSON {@code POST}s, messages down as Server-Sent Events or long-polls (see
 * docs/protocol.md, "HTTP link"). One thread posts, in order, one batch at a time; one thread reads
 * downstream. A dropped events stream or poll is re-attached where it stopped ({@code
 * Last-Event-ID}, {@code after}), up to {@link #DOWNSTREAM_RETRIES} times in a row, so a proxy's
 * idle cut does not end the link.
 */
final class HttpChannel implements Channel {
  /** Messages in one upstream POST at most (the relay accepts 1,000). */
  static final int MAX_BATCH_MESSAGES = 500;

  /**
   * UTF-8 bytes of one upstream POST body at most, newlines included, unless a single message is
   * larger (it then goes alone; the relay accepts twice the largest message).
   */
  static final int MAX_BATCH_BYTES = 512 * 1024;

  /** Put in the outbox by {@link #close}: everything before it is posted, then the session ends. */
  private static final String CLOSE_MARKER = new String("close marker");

  /** How long a POST or the session's creation may take. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** How long one poll may take: the relay holds it up to 20 s. */
  static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Times in a row a dropped POST, events stream or poll is retried before the link counts lost.
   */
  static final int DOWNSTREAM_RETRIES = 3;

  /** Wait before re-attaching, unless the events stream said otherwise with {@code retry:}. */
  static final long DEFAULT_RETRY_MS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(HttpChannel.class);
  private static final String NDJSON = "application/x-ndjson";

  private final HttpClient http;
  private final URI base;
  private final Transport mode;
  private final ChannelListener listener;
  private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);

  private volatile String session;
  private volatile boolean open;
  private volatile long lastN;
  private volatile InputStream downBody;
  private volatile long retryMs = DEFAULT_RETRY_MS;
  private volatile boolean delivered;
  private volatile Thread upThread;
  private volatile Thread downThread;
  private volatile int closeCode;
  private volatile String closeReason;

  HttpChannel(HttpClient http, URI base, Transport mode, ChannelListener listener) {
    if (!mode.isHttp()) {
      throw new IllegalArgumentException(mode + " is not an HTTP transport");
    }
    this.http = http;
    this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
    this.mode = mode;
    this.listener = listener;
  }

  void connect() {
    Thread t = new Thread(this::run, "vigil-link-http-up");
    t.setDaemon(true);
    upThread = t;
    t.start();
  }

  @Override
  public Transport transport() {
    return mode;
  }

  @Override
  public boolean send(String text) {
    if (!open) {
      return false;
    }
    outbox.add(text);
    return true;
  }

  @Override
  public int queuedWrites() {
    return outbox.size() + inFlight.get();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /**
   * Posts what is queued, then ends the session ({@code DELETE}); the listener hears {@code
   * onClosed} once that is done.
   */
  @Override
  public void close(int code, String reason) {
    if (!open) {
      end(code, reason, false, true);
      return;
    }
    closeCode = code;
    closeReason = reason;
    open = false; // nothing more is queued after the marker
    outbox.add(CLOSE_MARKER);
  }

  @Override
  public void abort(int code, String reason) {
    end(code, reason, false, true);
  }

  @Override
  public boolean awaitClosed(long timeoutMs) throws InterruptedException {
    return closed.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public String describe() {
    return mode.displayName() + " " + base;
  }

  @Override
  public String toString() {
    return describe();
  }

  // ---- upstream: open the session, then post batches in order ----

  private void run() {
    try {
      session = openSession();
    } catch (IOException e) {
      end(
          NEVER_CONNECTED,
          "cannot open an HTTP link at " + base + ": " + e.getMessage(),
          true,
          false);
      return;
    } catch (InterruptedException e) {
      end(NEVER_CONNECTED, "interrupted", false, false);
      return;
    }
    if (finished.get()) {
      deleteSession(session); // ended while the session was being opened
      return;
    }
    open = true;
    listener.onOpen(this);
    Thread down = new Thread(this::readDownstream, "vigil-link-http-down");
    down.setDaemon(true);
    downThread = down;
    down.start();
    postLoop();
  }

  private String openSession() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("link"))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException("HTTP " + response.statusCode() + " " + errorText(response.body()));
    }
    try {
      return JsonParser.parseString(response.body()).getAsJsonObject().get("session").getAsString();
    } catch (RuntimeException e) {
      throw new IOException("the relay's answer names no session: " + response.body(), e);
    }
  }

  private void postLoop() {
    List<String> batch = new ArrayList<>();
    while (!finished.get()) {
      try {
        String first = outbox.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        boolean closing = first == CLOSE_MARKER;
        if (!closing) {
          batch.add(first);
          int bytes = utf8Length(first) + 1;
          String more;
          while (batch.size() < MAX_BATCH_MESSAGES && (more = outbox.peek()) != null) {
            if (more == CLOSE_MARKER) {
              outbox.poll();
              closing = true;
              break;
            }
            int size = utf8Length(more) + 1;
            if (bytes + size > MAX_BATCH_BYTES) {
              break;
            }
            outbox.poll();
            batch.add(more);
            bytes += size;
          }
          inFlight.set(batch.size());
          post(batch);
        }
        if (closing) {
          end(closeCode, closeReason, false, true);
          return;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        batch.clear();
        inFlight.set(0);
      }
    }
  }

  private void post(List<String> batch) throws InterruptedException {
    String body = String.join("\n", batch) + "\n";
    for (int attempt = 0; !finished.get(); attempt++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(base.resolve("link/" + session))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", NDJSON)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 204 || status == 200 || status == 202) {
          return;
        }
        if (isTransient(status) && attempt + 1 < DOWNSTREAM_RETRIES) {
          Thread.sleep(DEFAULT_RETRY_MS);
          continue; // a proxy's 502/504, or the relay busy: the same batch again
        }
        if (status == 400) {
          // The relay closes the session over the rejected line; downstream hears why.
          LOG.warn("relay rejected a message: {}", errorText(response.body()));
          return;
        }
        endOnStatus(status, response.body(), "posting");
        return;
      } catch (IOException e) {
        if (attempt + 1 >= DOWNSTREAM_RETRIES) {
          end(CloseCodes.ABNORMAL, "cannot post to the relay: " + e.getMessage(), true, false);
          return;
        }
        Thread.sleep(DEFAULT_RETRY_MS);
      }
    }
  }

  // ---- downstream ----

  /**
   * Reads events or polls until the session ends. A stream or poll that delivered something before
   * it dropped starts the count of failures afresh, so a proxy cutting long responses now and then
   * costs nothing; {@link #DOWNSTREAM_RETRIES} drops in a row without anything delivered end it.
   */
  private void readDownstream() {
    int failures = 0;
    while (!finished.get()) {
      delivered = false;
      try {
        boolean answered = mode == Transport.SSE ? readEvents() : pollOnce();
        if (finished.get()) {
          return;
        }
        if (answered || delivered) {
          failures = 0;
          if (answered) {
            continue;
          }
        }
        failures++;
      } catch (IOException e) {
        failures = delivered ? 1 : failures + 1;
        LOG.debug("{} downstream dropped: {}", mode.displayName(), e.toString());
      } catch (InterruptedException e) {
        return;
      }
      if (failures > DOWNSTREAM_RETRIES) {
        end(CloseCodes.ABNORMAL, mode.displayName() + " from the relay dropped", true, true);
        return;
      }
      try {
        Thread.sleep(retryMs);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Reads one events stream to its end; true if it delivered anything. */
  private boolean readEvents() throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("link/" + session + "/events"))
            .header("Accept", "text/event-stream")
            .GET();
    if (lastN > 0) {
      request.header("Last-Event-ID", Long.toString(lastN));
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      if (isTransient(response.statusCode())) {
        throw new IOException("HTTP " + response.statusCode() + " " + errorText(text));
      }
      endOnStatus(response.statusCode(), text, "opening the events stream");
      return false;
    }
    boolean progressed = false;
    InputStream body = response.body();
    downBody = body;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      SseReader events = new SseReader(reader);
      SseReader.Event event;
      while (!finished.get() && (event = events.next()) != null) {
        progressed = true;
        if ("close".equals(event.event())) {
          endWith(JsonParser.parseString(event.data()));
          return true;
        }
        if (events.retryMs() >= 0) {
          retryMs = events.retryMs();
        }
        if (event.id() != null) {
          lastN = parseLong(event.id(), lastN);
        }
        delivered = true;
        listener.onText(this, event.data());
      }
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException("unreadable close event: " + e.getMessage(), e);
    }
    return progressed;
  }

  /** One long-poll; true if it came back with an answer (even an empty one). */
  private boolean pollOnce() throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("link/" + session + "/poll?after=" + lastN))
                .timeout(POLL_TIMEOUT)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      if (isTransient(response.statusCode())) {
        throw new IOException("HTTP " + response.statusCode() + " " + errorText(text));
      }
      endOnStatus(response.statusCode(), text, "polling");
      return false;
    }
    InputStream body = response.body();
    downBody = body;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while (!finished.get() && (line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
        if (entry.has("close")) {
          endWith(entry.get("close"));
          return true;
        }
        long n = entry.get("n").getAsLong();
        if (n <= lastN) {
          continue; // already delivered by an earlier poll that was cut short
        }
        lastN = n;
        delivered = true;
        listener.onText(this, entry.get("m").toString());
      }
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      throw new IOException("unreadable poll answer: " + e.getMessage(), e);
    }
    return true;
  }

  // ---- ending ----

  private void endWith(JsonElement closeNotice) {
    JsonObject close = closeNotice.getAsJsonObject();
    int code = close.has("code") ? close.get("code").getAsInt() : CloseCodes.ABNORMAL;
    String reason = close.has("reason") ? close.get("reason").getAsString() : "";
    end(code, reason, true, false);
  }

  private void endOnStatus(int status, String body, String doing) {
    if (status == 410) {
      try {
        JsonObject gone = JsonParser.parseString(body).getAsJsonObject();
        if (gone.has("closeCode")) {
          String reason = gone.has("reason") ? gone.get("reason").getAsString() : "link closed";
          end(gone.get("closeCode").getAsInt(), reason, true, false);
          return;
        }
      } catch (RuntimeException e) {
        LOG.debug("unreadable 410 body: {}", body);
      }
    }
    String why =
        status == 404
            ? "the relay no longer knows this link (restarted?)"
            : "HTTP " + status + " while " + doing + ": " + errorText(body);
    end(CloseCodes.ABNORMAL, why, true, false);
  }

  /**
   * Ends the channel once: stops both threads, tells the relay when we end it ({@code DELETE}), and
   * reports {@code onClosed}.
   */
  private void end(int code, String reason, boolean remote, boolean tellRelay) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    open = false;
    Thread self = Thread.currentThread();
    for (Thread t : new Thread[] {upThread, downThread}) {
      if (t != null && t != self) {
        t.interrupt();
      }
    }
    InputStream body = downBody;
    if (body != null) {
      try {
        body.close();
      } catch (IOException e) {
        LOG.trace("closing the downstream body: {}", e.toString());
      }
    }
    if (tellRelay && session != null) {
      deleteSession(session);
    }
    try {
      listener.onClosed(this, code, reason, remote);
    } finally {
      closed.countDown();
    }
  }

  /** Tells the relay the session is over; does not wait for the answer. */
  private void deleteSession(String id) {
    http.sendAsync(
        HttpRequest.newBuilder(base.resolve("link/" + id))
            .timeout(REQUEST_TIMEOUT)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** A status worth retrying: the relay or a proxy on the way is busy or restarting. */
  private static boolean isTransient(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String errorText(String body) {
    try {
      JsonObject error = JsonParser.parseString(body).getAsJsonObject();
      if (error.has("error")) {
        return error.get("error").getAsString();
      }
    } catch (RuntimeException e) {
      // not JSON: a proxy's page, say
    }
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static long parseLong(String text, long otherwise) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
