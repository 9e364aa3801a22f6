package dev.vigil.agent.testing;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Welcome;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A tiny real relay for link tests: a Java-WebSocket server on a free localhost port that welcomes
 * a hello with the right token, closes with 4001 otherwise, and records every decoded message.
 */
public final class FakeRelay extends WebSocketServer {
  /** One message as the relay received it. */
  public record Received(int connection, Envelope envelope) {}

  /** Whether agent pings are answered; a silent relay leaves them unanswered. */
  public volatile boolean answerPings = true;

  private final String token;
  private final long heartbeatIntervalMs;
  private final CountDownLatch started = new CountDownLatch(1);
  private final MessageCodec codec = MessageCodec.forInbound();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<WebSocket> open = new CopyOnWriteArrayList<>();

  /** Every message received, in order. */
  public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  /** Closes seen from agents: code per close. */
  public final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();

  private FakeRelay(String token, long heartbeatIntervalMs) {
    super(new InetSocketAddress("localhost", 0));
    this.token = token;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    setReuseAddr(true);
    setDaemon(true);
  }

  /** Starts a relay accepting {@code token}; returns once it listens. */
  public static FakeRelay start(String token, long heartbeatIntervalMs)
      throws InterruptedException {
    FakeRelay relay = new FakeRelay(token, heartbeatIntervalMs);
    relay.start();
    if (!relay.started.await(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake relay did not start");
    }
    return relay;
  }

  /** The URI agents dial. */
  public URI uri() {
    return URI.create("ws://localhost:" + getPort());
  }

  /** How many connections were opened so far. */
  public int connectionCount() {
    return connections.get();
  }

  /** Drops every open connection abruptly, as a crashing relay would. */
  public void dropAll() {
    open.forEach(c -> c.closeConnection(1006, "relay dropped the link"));
  }

  /** The next received message of the given class within the timeout, skipping others. */
  public <T> T next(Class<T> type, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      Received r = received.poll(Math.max(0, left), TimeUnit.MILLISECONDS);
      if (r == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeoutMs + " ms");
      }
      if (type.isInstance(r.envelope().body())) {
        return type.cast(r.envelope().body());
      }
    }
  }

  /** Stops the server. */
  public void shutdown() throws InterruptedException {
    stop(1000);
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    conn.setAttachment(connections.incrementAndGet());
    open.add(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String text) {
    DecodeResult result = codec.decode(text);
    if (result instanceof DecodeResult.Failed f) {
      conn.close(f.closeCode(), f.detail());
      return;
    }
    Envelope envelope = ((DecodeResult.Decoded) result).envelope();
    int id = conn.<Integer>getAttachment();
    received.add(new Received(id, envelope));
    if (envelope.body() instanceof Goodbye) {
      conn.close(CloseCodes.NORMAL, "goodbye"); // as the real relay does
      return;
    }
    if (envelope.body() instanceof Ping ping && answerPings) {
      conn.send(codec.encode(new Pong(ping.nonce(), ping.sentAtMs())));
    }
    if (envelope.body() instanceof Hello hello) {
      if (!token.equals(hello.token())) {
        conn.close(CloseCodes.UNAUTHORIZED, "wrong agent token");
        return;
      }
      conn.send(
          codec.encode(
              new Welcome(
                  "fake-relay",
                  "session-" + id,
                  heartbeatIntervalMs,
                  System.currentTimeMillis(),
                  "test")));
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    open.remove(conn);
    closeCodes.add(code);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // connection errors end in onClose; nothing else to do here
  }
}
