package dev.vigil.ui.support;

import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Welcome;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A minimal real relay on a free localhost port that records, in order, every message and close a
 * dashboard sends: it welcomes a hello and answers a goodbye by closing with 1000, as the protocol
 * says. The full relay keeps no record of what arrived in which order, so tests that check the wire
 * use this one.
 */
public final class RecordingRelay extends WebSocketServer {
  /** What the relay saw: a decoded message, or the close at the end. */
  public sealed interface Seen permits Received, Closed {}

  /** A message the dashboard sent. */
  public record Received(Message message) implements Seen {}

  /**
   * The connection closed.
   *
   * @param byRelay true when this relay closed it (after a goodbye)
   */
  public record Closed(int code, boolean byRelay) implements Seen {}

  private static final long START_TIMEOUT_S = 10;

  private final MessageCodec codec = MessageCodec.forInbound();
  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private final CountDownLatch started = new CountDownLatch(1);

  private RecordingRelay() {
    super(new InetSocketAddress("localhost", 0));
    setReuseAddr(true);
  }

  /** Starts a relay on a free port and waits until it listens. */
  public static RecordingRelay listen() throws InterruptedException {
    RecordingRelay relay = new RecordingRelay();
    relay.setDaemon(true);
    relay.start();
    if (!relay.started.await(START_TIMEOUT_S, TimeUnit.SECONDS)) {
      throw new IllegalStateException("recording relay did not start");
    }
    return relay;
  }

  /** The next thing seen, or null after {@code timeoutMs}. */
  public Seen next(long timeoutMs) throws InterruptedException {
    return seen.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {}

  @Override
  public void onMessage(WebSocket conn, String text) {
    if (!(codec.decode(text) instanceof DecodeResult.Decoded decoded)) {
      seen.add(new Closed(CloseFrame.POLICY_VALIDATION, true));
      conn.close(CloseFrame.POLICY_VALIDATION, "undecodable");
      return;
    }
    Message message = decoded.envelope().body();
    seen.add(new Received(message));
    if (message instanceof Hello) {
      conn.send(
          codec.encode(
              new Welcome(
                  "recording-relay",
                  "session-1",
                  Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS,
                  System.currentTimeMillis(),
                  "test")));
    } else if (message instanceof Goodbye) {
      conn.close(CloseFrame.NORMAL, "bye");
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    seen.add(new Closed(code, !remote));
  }

  @Override
  public void onError(WebSocket conn, Exception e) {}

  @Override
  public void onStart() {
    started.countDown();
  }
}
