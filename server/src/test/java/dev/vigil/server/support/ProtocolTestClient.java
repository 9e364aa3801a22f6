package dev.vigil.server.support;

import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A real Java-WebSocket client speaking the Vigil protocol, for tests: connects, sends a hello,
 * decodes every message from the relay into an inbox, answers pings (unless told not to), and
 * records how the connection closed.
 */
public final class ProtocolTestClient extends WebSocketClient {
  private final AtomicInteger pingsReceived = new AtomicInteger();

  /** How the connection closed. */
  public record Closed(int code, String reason, boolean byRelay) {}

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final List<Message> inbox = new ArrayList<>();
  private final java.util.Map<Message, long[]> arrival = new java.util.IdentityHashMap<>();
  private long arrivals;
  private final BlockingQueue<Closed> closed = new LinkedBlockingQueue<>();
  private final java.util.concurrent.atomic.AtomicLong nextNonce =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean answerPings = true;
  private volatile java.util.concurrent.CountDownLatch readGate;

  private ProtocolTestClient(URI uri) {
    super(uri);
    setTcpNoDelay(true);
    setConnectionLostTimeout(0);
  }

  /** Opens a connection to a relay on localhost, without sending anything. */
  public static ProtocolTestClient connect(int port) throws InterruptedException {
    ProtocolTestClient client = new ProtocolTestClient(URI.create("ws://127.0.0.1:" + port));
    if (!client.connectBlocking(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("could not connect to the relay on port " + port);
    }
    return client;
  }

  /** Opens a connection and sends {@code hello}. */
  public static ProtocolTestClient connect(int port, Hello hello) throws InterruptedException {
    ProtocolTestClient client = connect(port);
    client.send(hello);
    return client;
  }

  /** Sends one message in a current-version envelope. */
  public void send(Message message) {
    send(codec.encode(message));
  }

  /** Sends one envelope as it is (e.g. with a sequence number). */
  public void send(dev.vigil.protocol.Envelope envelope) {
    send(codec.encode(envelope));
  }

  /**
   * Sends a ping and waits for its pong: the relay handles each connection's messages in order, so
   * everything sent before has been handled when this returns.
   */
  public void sync(Duration timeout) throws InterruptedException {
    long nonce = nextNonce.incrementAndGet();
    send(new Ping(nonce, System.currentTimeMillis()));
    awaitMessage(Pong.class, p -> p.nonce() == nonce, timeout);
  }

  /** Pings received from the relay so far (pings are answered, not kept in the inbox). */
  public int pingsReceived() {
    return pingsReceived.get();
  }

  /**
   * Stops reading from the socket, as a stalled dashboard would: the read thread blocks in the next
   * message until {@link #resumeReading()}, so the relay's data piles up in TCP buffers and then in
   * its own send queue.
   */
  public void stallReading() {
    readGate = new java.util.concurrent.CountDownLatch(1);
  }

  /** Reads again after {@link #stallReading()}. */
  public void resumeReading() {
    java.util.concurrent.CountDownLatch gate = readGate;
    readGate = null;
    if (gate != null) {
      gate.countDown();
    }
  }

  /** Stops answering the relay's pings, as a hung peer would. */
  public void stopAnsweringPings() {
    answerPings = false;
  }

  /**
   * Waits for the first not-yet-taken message of {@code type} matching {@code predicate}, takes it
   * and returns it; other messages stay in the inbox.
   */
  public <T extends Message> T awaitMessage(
      Class<T> type, Predicate<? super T> predicate, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (inbox) {
      while (true) {
        for (int i = 0; i < inbox.size(); i++) {
          Message m = inbox.get(i);
          if (type.isInstance(m) && predicate.test(type.cast(m))) {
            inbox.remove(i);
            return type.cast(m);
          }
        }
        long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMs <= 0) {
          throw new AssertionError(
              "no "
                  + type.getSimpleName()
                  + " matching within "
                  + timeout
                  + "; inbox: "
                  + inbox
                  + "; "
                  + state()
                  + RelayThreads.dump());
        }
        inbox.wait(leftMs);
      }
    }
  }

  /**
   * What a timeout message needs to tell a stalled relay from a closed link: open or how it closed,
   * and how much arrived at all (pings included).
   */
  private String state() {
    Closed c = closed.peek();
    String link =
        c != null ? "closed " + c : isOpen() ? "open" : "not open (" + getReadyState() + ")";
    return "link "
        + link
        + ", "
        + arrivals
        + " messages and "
        + pingsReceived.get()
        + " pings received";
  }

  /** Waits for the first not-yet-taken message of {@code type}. */
  public <T extends Message> T awaitMessage(Class<T> type, Duration timeout)
      throws InterruptedException {
    return awaitMessage(type, m -> true, timeout);
  }

  /** Every message received and not yet taken, of {@code type}. */
  public <T extends Message> List<T> pending(Class<T> type) {
    synchronized (inbox) {
      List<T> list = new ArrayList<>();
      for (Message m : inbox) {
        if (type.isInstance(m)) {
          list.add(type.cast(m));
        }
      }
      return list;
    }
  }

  /** Waits until the connection closes and says how. */
  public Closed awaitClose(Duration timeout) throws InterruptedException {
    Closed c = closed.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (c == null) {
      throw new AssertionError("connection still open after " + timeout);
    }
    return c;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String text) {
    java.util.concurrent.CountDownLatch gate = readGate;
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    DecodeResult result = codec.decode(text);
    if (!(result instanceof DecodeResult.Decoded decoded)) {
      throw new AssertionError("relay sent an undecodable message: " + result + " : " + text);
    }
    Message message = decoded.envelope().body();
    if (message instanceof Ping ping) {
      pingsReceived.incrementAndGet();
      if (answerPings && isOpen()) {
        send(new Pong(ping.nonce(), ping.sentAtMs()));
      }
      return;
    }
    synchronized (inbox) {
      inbox.add(message);
      arrival.put(message, new long[] {decoded.envelope().seq(), ++arrivals});
      inbox.notifyAll();
    }
  }

  /** The envelope sequence number {@code message} arrived with (0 when unnumbered). */
  public long seqOf(Message message) {
    synchronized (inbox) {
      return arrivalOf0(message)[0];
    }
  }

  /** The position of {@code message} among everything this client received, from 1. */
  public long arrivalOf(Message message) {
    synchronized (inbox) {
      return arrivalOf0(message)[1];
    }
  }

  private long[] arrivalOf0(Message message) {
    long[] a = arrival.get(message);
    if (a == null) {
      throw new AssertionError("not received by this client: " + message);
    }
    return a;
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closed.add(new Closed(code, reason, remote));
  }

  @Override
  public void onError(Exception ex) {}
}
