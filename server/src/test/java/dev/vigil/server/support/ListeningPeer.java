package dev.vigil.server.support;

import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Welcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A peer that listens instead of dialling, for reverse-connection tests: a real Java-WebSocket
 * server on localhost that, when the relay connects, sends {@code hello}, answers pings, and after
 * the welcome sends whatever {@code afterWelcome} lists. Everything else the relay sends is kept in
 * an inbox.
 */
public final class ListeningPeer extends WebSocketServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final Hello hello;
  private final List<Message> afterWelcome;
  private final List<Message> inbox = new ArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final java.util.concurrent.BlockingQueue<Integer> closeCodes =
      new java.util.concurrent.LinkedBlockingQueue<>();
  private volatile WebSocket relay;

  private ListeningPeer(int port, Hello hello, List<Message> afterWelcome) {
    super(new InetSocketAddress("127.0.0.1", port));
    this.hello = hello;
    this.afterWelcome = List.copyOf(afterWelcome);
    setReuseAddr(true);
    setConnectionLostTimeout(0);
  }

  /** Listens on {@code port} (0 for a free one) and returns once it does. */
  public static ListeningPeer listen(int port, Hello hello, List<Message> afterWelcome)
      throws InterruptedException {
    ListeningPeer peer = new ListeningPeer(port, hello, afterWelcome);
    peer.start();
    if (!peer.started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("listening peer did not start on port " + port);
    }
    return peer;
  }

  /** The URL the relay should dial. */
  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/";
  }

  /** Sends one envelope to the relay that dialled in; fails if none did. */
  public void send(Envelope envelope) {
    WebSocket conn = relay;
    if (conn == null || !conn.isOpen()) {
      throw new AssertionError("no relay connected to " + url());
    }
    conn.send(codec.encode(envelope));
  }

  /** Waits until a relay dialled in and welcomed this peer. */
  public Welcome awaitWelcome(Duration timeout) throws InterruptedException {
    return awaitMessage(Welcome.class, w -> true, timeout);
  }

  /** Waits for the first not-yet-taken message of {@code type} matching {@code predicate}. */
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
              "no " + type.getSimpleName() + " within " + timeout + "; inbox: " + inbox);
        }
        inbox.wait(leftMs);
      }
    }
  }

  /** Waits until a relay's link to this peer closes and returns its close code. */
  public int awaitClose(Duration timeout) throws InterruptedException {
    Integer code = closeCodes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (code == null) {
      throw new AssertionError("no link to " + url() + " closed within " + timeout);
    }
    return code;
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    relay = conn;
    conn.send(codec.encode(hello));
  }

  @Override
  public void onMessage(WebSocket conn, String text) {
    DecodeResult result = codec.decode(text);
    if (!(result instanceof DecodeResult.Decoded decoded)) {
      throw new AssertionError("relay sent an undecodable message: " + result);
    }
    Message message = decoded.envelope().body();
    if (message instanceof Ping ping) {
      conn.send(codec.encode(new Pong(ping.nonce(), ping.sentAtMs())));
      return;
    }
    if (message instanceof Welcome) {
      for (Message m : afterWelcome) {
        conn.send(codec.encode(m));
      }
    }
    synchronized (inbox) {
      inbox.add(message);
      inbox.notifyAll();
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    if (conn == relay) {
      relay = null;
    }
    closeCodes.add(code);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}
}
