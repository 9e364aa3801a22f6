package dev.vigil.server.link;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * A {@link PeerLink} over one Java-WebSocket connection. Holds nothing but the connection: an idle
 * agent costs the relay memory per connection, so the remote address text (wanted only for logs) is
 * built when first asked for.
 */
final class WebSocketPeerLink implements PeerLink {
  private static final AtomicIntegerFieldUpdater<WebSocketPeerLink> WATCHED =
      AtomicIntegerFieldUpdater.newUpdater(WebSocketPeerLink.class, "watched");

  private final WebSocket conn;
  private final LostWriteRescue rescue;

  /** 1 while {@link LostWriteRescue} watches this link (an int, not an object: one per link). */
  private volatile int watched;

  /** Batches this link queued, oldest first, until written; see {@link #queuedBytes()}. */
  private final ArrayDeque<ByteBuffer> tracked = new ArrayDeque<>();

  private long trackedBytes;

  /** Null until {@link #remoteAddress} is first called; a benign race builds an equal string. */
  private String remote;

  WebSocketPeerLink(WebSocket conn, LostWriteRescue rescue) {
    this.conn = conn;
    this.rescue = rescue;
  }

  @Override
  public void send(String text) {
    try {
      if (conn.isOpen()) {
        conn.send(text);
        rescue.written(this);
      }
    } catch (WebsocketNotConnectedException e) {
      // closed between the check and the send: dropping is the contract
    }
  }

  /**
   * The library's connection, whose queue {@link LostWriteRescue} looks at; null if another kind.
   */
  WebSocketImpl impl() {
    return conn instanceof WebSocketImpl impl ? impl : null;
  }

  /** Marks this link watched; false when it already was. */
  boolean watch() {
    return watched == 0 && WATCHED.compareAndSet(this, 0, 1);
  }

  /** Marks this link no longer watched. */
  void unwatch() {
    watched = 0;
  }

  /**
   * Queues the batch's frames as one buffer, shared with every other peer of the batch, so the
   * selector writes them with one system call. The buffer holds whole frames only, so it cannot
   * split a frame the library queues meanwhile (a pong, a close).
   */
  @Override
  public void send(FrameBatch batch) {
    if (batch.isEmpty() || !conn.isOpen()) {
      return;
    }
    if (conn instanceof WebSocketImpl impl) {
      ByteBuffer frames = batch.frames();
      if (impl.outQueue.offer(frames)) {
        tracked.add(frames);
        trackedBytes += frames.limit();
        impl.getWebSocketListener().onWriteDemand(impl);
        rescue.written(this);
      }
    } else {
      PeerLink.super.send(batch);
    }
  }

  @Override
  public void close(int code, String reason) {
    conn.close(code, CloseReason.trim(reason));
  }

  @Override
  public void abort(int code, String reason) {
    conn.closeConnection(code, CloseReason.trim(reason));
  }

  @Override
  public boolean isOpen() {
    return conn.isOpen();
  }

  @Override
  public int queuedWrites() {
    return conn instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  /**
   * Bytes of the batches this link queued that the write thread has not written yet. The batches
   * leave the queue in order and each one's position advances as it is written, so finished ones
   * are dropped from the front: amortized O(1), unlike walking Java-WebSocket's locked queue.
   * Replies sent as single texts are not counted. Called on the thread that sends batches.
   */
  @Override
  public long queuedBytes() {
    while (!tracked.isEmpty() && !tracked.peekFirst().hasRemaining()) {
      trackedBytes -= tracked.pollFirst().limit();
    }
    ByteBuffer head = tracked.peekFirst();
    return head == null ? 0 : trackedBytes - head.position();
  }

  @Override
  public String remoteAddress() {
    String text = remote;
    if (text == null) {
      // The channel keeps its remote address after it closes, so this works for closed peers too.
      text = String.valueOf(conn.getRemoteSocketAddress());
      remote = text;
    }
    return text;
  }

  @Override
  public String toString() {
    return "ws:" + remoteAddress();
  }
}
