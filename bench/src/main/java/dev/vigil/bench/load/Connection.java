package dev.vigil.bench.load;

import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.bench.ws.WsFrameDecoder;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One simulated peer's socket and protocol state inside the {@link LoadEngine}: handshake bytes,
 * the frame decoder, and the outbound bytes the socket has not taken yet. Engine thread only.
 */
final class Connection implements Peer {
  /** Where the connection is in its life. */
  enum State {
    QUEUED,
    CONNECTING,
    HANDSHAKING,
    OPEN,
    READY,
    CLOSED
  }

  private static final byte[] EMPTY = new byte[0];

  final LoadEngine engine;
  final Role role;
  final int index;
  final WsFrameDecoder decoder = new WsFrameDecoder();
  final SampleTemplate sample;
  State state = State.QUEUED;
  int attempts;

  /** Redial delays, when the engine redials (full jitter, as the real agent). */
  final Backoff backoff = new Backoff();

  /** When a redial is due, {@link System#nanoTime()}. */
  long redialAtNanos;

  SocketChannel channel;
  SelectionKey key;
  String wsKey;
  byte[] handshake = EMPTY;
  int handshakeLength;
  private byte[] backlog = EMPTY;
  private int backlogStart;
  private int backlogEnd;
  private Object dialectState;
  private long lastSendNanos;

  Connection(LoadEngine engine, Role role, int index, SampleTemplate sample) {
    this.engine = engine;
    this.role = role;
    this.index = index;
    this.sample = sample;
  }

  @Override
  public Role role() {
    return role;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void send(int opcode, byte[] prefix, byte[] payload, int off, int len) {
    engine.sendFrame(this, opcode, prefix, payload, off, len);
  }

  @Override
  public void send(int opcode, byte[] payload) {
    engine.sendFrame(this, opcode, EMPTY, payload, 0, payload.length);
  }

  @Override
  public void markReady() {
    engine.ready(this);
  }

  @Override
  public void deliver(byte[] data, int off, int len) {
    engine.deliver(this, data, off, len);
  }

  @Override
  public void fail(String reason) {
    engine.fail(this, reason);
  }

  @Override
  public SampleTemplate sample() {
    return sample;
  }

  @Override
  public Object dialectState() {
    return dialectState;
  }

  @Override
  public void dialectState(Object state) {
    this.dialectState = state;
  }

  @Override
  public long lastSendNanos() {
    return lastSendNanos;
  }

  boolean isOpen() {
    return state == State.OPEN || state == State.READY;
  }

  int backlogBytes() {
    return backlogEnd - backlogStart;
  }

  /**
   * Writes {@code frame} now if nothing is waiting, and keeps what the socket does not take.
   *
   * @return false if the socket failed
   */
  boolean write(ByteBuffer frame, long nowNanos) {
    lastSendNanos = nowNanos;
    try {
      if (backlogBytes() == 0) {
        channel.write(frame);
        if (!frame.hasRemaining()) {
          return true;
        }
      }
      append(frame);
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes as much of the backlog as the socket takes.
   *
   * @return false if the socket failed
   */
  boolean flush() {
    try {
      if (backlogBytes() > 0) {
        ByteBuffer pending = ByteBuffer.wrap(backlog, backlogStart, backlogBytes());
        channel.write(pending);
        backlogStart = pending.position();
      }
      if (backlogBytes() == 0) {
        backlogStart = 0;
        backlogEnd = 0;
        key.interestOps(SelectionKey.OP_READ);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void append(ByteBuffer frame) {
    int n = frame.remaining();
    if (backlog.length - backlogEnd < n) {
      int live = backlogBytes();
      if (backlog.length - live >= n && backlogStart > 0) {
        System.arraycopy(backlog, backlogStart, backlog, 0, live);
      } else {
        byte[] bigger = new byte[Math.max(live + n, 2 * backlog.length)];
        System.arraycopy(backlog, backlogStart, bigger, 0, live);
        backlog = bigger;
      }
      backlogStart = 0;
      backlogEnd = live;
    }
    frame.get(backlog, backlogEnd, n);
    backlogEnd += n;
  }

  /** Back to {@link State#QUEUED} for another connection attempt. */
  void reset() {
    release();
    state = State.QUEUED;
    channel = null;
    key = null;
    wsKey = null;
    handshakeLength = 0;
  }

  /** Drops buffers once closed, so thousands of closed peers hold no memory. */
  void release() {
    backlog = EMPTY;
    backlogStart = 0;
    backlogEnd = 0;
    handshake = EMPTY;
    dialectState = null;
  }

  void appendHandshake(byte[] src, int off, int len) {
    if (handshake.length - handshakeLength < len) {
      handshake = Arrays.copyOf(handshake, Math.max(handshakeLength + len, 512));
    }
    System.arraycopy(src, off, handshake, handshakeLength, len);
    handshakeLength += len;
  }

  @Override
  public String toString() {
    return role.name().toLowerCase(java.util.Locale.ROOT) + "-" + index;
  }
}
