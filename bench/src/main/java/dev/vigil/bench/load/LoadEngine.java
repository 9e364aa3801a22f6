package dev.vigil.bench.load;

import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.bench.payload.Stamp;
import dev.vigil.bench.payload.StampScanner;
import dev.vigil.bench.ws.FrameHandler;
import dev.vigil.bench.ws.WsFrames;
import dev.vigil.bench.ws.WsHandshake;
import dev.vigil.bench.ws.WsProtocolException;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates thousands of agents and dashboards from one thread with one {@link Selector}: a minimal
 * RFC 6455 client per peer (upgrade handshake, masked frames, ping answered with pong, close
 * answered with close), the system's own protocol through a {@link PeerDialect}, and open-loop
 * sends on an {@link OpenLoopSchedule}. Frames are encoded into one reused buffer; what a socket
 * does not take at once waits in that connection's backlog. Control methods may be called from any
 * thread; they are handed to the engine thread.
 */
public final class LoadEngine implements AutoCloseable {
  /** Connections in progress (TCP connect and handshakes) at once, to stay under the backlog. */
  public static final int MAX_CONNECTS_IN_FLIGHT = 32;

  /**
   * Tries per connection when TCP or the WebSocket handshake fails (a full accept queue resets
   * connections); a refusal by the application is final.
   */
  public static final int MAX_CONNECT_ATTEMPTS = 3;

  /** An agent whose unsent bytes exceed this skips samples instead of queueing more. */
  public static final int AGENT_BACKLOG_LIMIT_BYTES = 256 * 1024;

  /** How often every ready peer gets a keep-alive chance. */
  public static final long KEEPALIVE_SWEEP_MS = 5_000;

  /** Longest the selector waits when nothing is scheduled sooner. */
  static final long MAX_SELECT_MS = 20;

  /** Most sends issued before the selector is served again when behind schedule. */
  static final int MAX_SENDS_PER_TURN = 2_000;

  /** Longest wait for the engine thread to take a new {@link Measurement}. */
  static final long HANDOVER_TIMEOUT_MS = 10_000;

  /** Most consecutive reads from one socket per wake-up. */
  static final int MAX_READS_PER_WAKE = 4;

  static final int READ_BUFFER_BYTES = 256 * 1024;
  static final int FRAME_BUFFER_BYTES = 64 * 1024;

  /** Distinct failure reasons kept for the report. */
  static final int MAX_REASONS = 20;

  private static final Logger log = LoggerFactory.getLogger(LoadEngine.class);

  private final InetSocketAddress server;
  private final PeerDialect dialect;
  private final Connection[] agents;
  private final Connection[] dashboards;
  private final long originNanos;
  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final Queue<Connection> toConnect = new ArrayDeque<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
  private final ByteBuffer frameBuffer = ByteBuffer.allocate(FRAME_BUFFER_BYTES);
  private final StampScanner scanner = new StampScanner();
  private final Stamp stamp = new Stamp();
  private final Random keys = new Random(new SecureRandom().nextLong());
  private final FrameSink frameSink = new FrameSink();
  private final AtomicInteger agentsReady = new AtomicInteger();
  private final AtomicInteger dashboardsReady = new AtomicInteger();
  private final AtomicInteger failedBeforeReady = new AtomicInteger();
  private final AtomicInteger closedAfterReady = new AtomicInteger();
  private final Map<String, Integer> failureReasons = new TreeMap<>();
  private final PriorityQueue<Connection> redials =
      new PriorityQueue<>(Comparator.comparingLong(c -> c.redialAtNanos));
  private volatile ReconnectLog reconnects;
  private volatile int stalledFrom = Integer.MAX_VALUE;
  private volatile long bytesReceived;
  private volatile boolean running = true;
  private Measurement measurement;
  private long maskState;
  private int inFlight;
  private OpenLoopSchedule schedule;
  private long nextSlot;
  private long nextKeepAliveNanos;
  private long nowNanos;

  /**
   * @param originNanos {@link System#nanoTime()} that stamps count microseconds from
   */
  public LoadEngine(
      InetSocketAddress server,
      PeerDialect dialect,
      int agentCount,
      int dashboardCount,
      Measurement measurement,
      long originNanos)
      throws IOException {
    this.server = server;
    this.dialect = dialect;
    this.measurement = measurement;
    this.originNanos = originNanos;
    this.agents = new Connection[agentCount];
    for (int i = 0; i < agentCount; i++) {
      agents[i] = new Connection(this, Role.AGENT, i, SampleTemplate.forAgent(i));
    }
    this.dashboards = new Connection[dashboardCount];
    for (int i = 0; i < dashboardCount; i++) {
      dashboards[i] = new Connection(this, Role.DASHBOARD, i, null);
    }
    this.maskState = keys.nextLong() | 1;
    this.selector = Selector.open();
    this.thread = new Thread(this::run, "bench-load-engine");
    thread.setDaemon(true);
  }

  /** Starts the engine thread. */
  public void start() {
    thread.start();
  }

  /**
   * From now on a connection that closes or fails to connect is dialled again after a full-jitter
   * {@link Backoff} delay (0.5 s doubling to 30 s, reset once ready), as the real agent and
   * dashboard do, and {@code log} records it. Call before {@link #start()}.
   */
  public void redialWithBackoff(ReconnectLog log) {
    this.reconnects = log;
  }

  /**
   * Dashboards with index {@code index} and above stop reading once ready, as a stalled dashboard
   * would (they still send their keep-alives); what they receive is not measured. Call before
   * {@link #start()}.
   */
  public void stallDashboardsFrom(int index) {
    this.stalledFrom = index;
  }

  /** Opens every connection of {@code role}, {@link #MAX_CONNECTS_IN_FLIGHT} at a time. */
  public void connect(Role role) {
    connect(role, 0, (role == Role.AGENT ? agents : dashboards).length);
  }

  /**
   * Opens the connections of {@code role} with index {@code fromIndex} (inclusive) to {@code
   * toIndex} (exclusive), {@link #MAX_CONNECTS_IN_FLIGHT} at a time.
   */
  public void connect(Role role, int fromIndex, int toIndex) {
    Connection[] all = role == Role.AGENT ? agents : dashboards;
    if (fromIndex < 0 || toIndex > all.length || fromIndex > toIndex) {
      throw new IndexOutOfBoundsException(
          "range " + fromIndex + ".." + toIndex + " of " + all.length + " " + role + " peers");
    }
    submit(
        () -> {
          for (int i = fromIndex; i < toIndex; i++) {
            toConnect.add(all[i]);
          }
        });
  }

  /** Starts open-loop sends; stamps whose scheduled time is in the window are measured. */
  public void startSending(OpenLoopSchedule plan, long windowStartNanos, long windowEndNanos) {
    if (plan.agents() != agents.length) {
      throw new IllegalArgumentException(
          "schedule for " + plan.agents() + " agents, engine has " + agents.length);
    }
    submit(
        () -> {
          measurement.window(micros(windowStartNanos), micros(windowEndNanos));
          schedule = plan;
          nextSlot = 0;
        });
  }

  /**
   * Stops sending and counts every later delivery into {@code next}; returns the measurement it
   * replaced once the engine thread has let go of it, so the caller may read it. A capacity step
   * ends this way, exactly at the end of its drain.
   *
   * @throws IllegalStateException if the engine thread does not answer within {@link
   *     #HANDOVER_TIMEOUT_MS} (it stopped on an error)
   */
  public Measurement handOver(Measurement next) throws InterruptedException {
    CompletableFuture<Measurement> previous = new CompletableFuture<>();
    submit(
        () -> {
          schedule = null;
          Measurement old = measurement;
          measurement = next;
          previous.complete(old);
        });
    try {
      return previous.get(HANDOVER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("load engine did not take the next measurement", e);
    }
  }

  /** Stops sending; what is in flight is still received. */
  public void stopSending() {
    submit(() -> schedule = null);
  }

  /** Peers ready per role, failures, and closes, right now. */
  public ConnectionCounts counts() {
    return new ConnectionCounts(
        agentsReady.get(), dashboardsReady.get(), failedBeforeReady.get(), closedAfterReady.get());
  }

  /** Bytes received on all connections so far. */
  public long bytesReceived() {
    return bytesReceived;
  }

  /** Why connections failed or were closed, with counts; call after {@link #close}. */
  public Map<String, Integer> failureReasons() {
    return Map.copyOf(failureReasons);
  }

  /** Stops the engine thread and closes every connection. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    selector.wakeup();
    thread.join();
  }

  private void submit(Runnable command) {
    commands.add(command);
    selector.wakeup();
  }

  private long micros(long nanos) {
    return (nanos - originNanos) / 1_000;
  }

  // ---- engine thread ----

  private void run() {
    try {
      loop();
    } catch (IOException | RuntimeException e) {
      log.error("Load engine stopped by an error", e);
    } finally {
      closeAll();
    }
  }

  private void loop() throws IOException {
    while (running) {
      Runnable command;
      while ((command = commands.poll()) != null) {
        command.run();
      }
      nowNanos = System.nanoTime();
      while (!redials.isEmpty() && redials.peek().redialAtNanos <= nowNanos) {
        toConnect.add(redials.poll());
      }
      openConnections();
      int sent = sendDue();
      keepAlive();
      long waitMs = MAX_SELECT_MS;
      if (schedule != null) {
        long untilNext = schedule.scheduledNanosOf(nextSlot) - System.nanoTime();
        // select() only knows milliseconds: a send due sooner waits about 1 ms, and that delay
        // is part of its measured latency (reported as send lag).
        waitMs = Math.min(MAX_SELECT_MS, Math.max(1, untilNext / 1_000_000));
      }
      if (!redials.isEmpty()) {
        long untilRedial = redials.peek().redialAtNanos - System.nanoTime();
        waitMs = Math.min(waitMs, Math.max(1, untilRedial / 1_000_000));
      }
      if (sent >= MAX_SENDS_PER_TURN) {
        selector.selectNow();
      } else {
        selector.select(waitMs);
      }
      nowNanos = System.nanoTime();
      for (SelectionKey key : selector.selectedKeys()) {
        handle(key);
        // Reading a hundred busy dashboards takes a while: sends due meanwhile go out between
        // sockets, not after all of them.
        nowNanos = System.nanoTime();
        sendDue();
      }
      selector.selectedKeys().clear();
    }
  }

  private void handle(SelectionKey key) {
    Connection c = (Connection) key.attachment();
    if (!key.isValid() || c.state == Connection.State.CLOSED) {
      return;
    }
    try {
      if (key.isConnectable()) {
        c.channel.finishConnect();
        startHandshake(c);
        return;
      }
      if (key.isWritable() && !c.flush()) {
        fail(c, "write failed");
        return;
      }
      if (key.isReadable()) {
        read(c);
      }
    } catch (IOException e) {
      fail(c, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void openConnections() {
    while (inFlight < MAX_CONNECTS_IN_FLIGHT && !toConnect.isEmpty()) {
      Connection c = toConnect.poll();
      inFlight++;
      c.attempts++;
      try {
        c.channel = SocketChannel.open();
        c.channel.configureBlocking(false);
        c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.state = Connection.State.CONNECTING;
        boolean connected = c.channel.connect(server);
        c.key = c.channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, c);
        if (connected) {
          startHandshake(c);
        }
      } catch (IOException e) {
        fail(c, "connect: " + e.getMessage());
      }
    }
  }

  private void startHandshake(Connection c) throws IOException {
    c.state = Connection.State.HANDSHAKING;
    c.wsKey = WsHandshake.newKey(keys);
    byte[] request =
        WsHandshake.request(
            server.getHostString(),
            server.getPort(),
            dialect.path(c.role),
            c.wsKey,
            dialect.subprotocol());
    c.key.interestOps(SelectionKey.OP_READ);
    if (!c.write(ByteBuffer.wrap(request), nowNanos)) {
      fail(c, "handshake write failed");
    }
  }

  private void read(Connection c) throws IOException {
    for (int i = 0; i < MAX_READS_PER_WAKE && c.state != Connection.State.CLOSED; i++) {
      readBuffer.clear();
      int n = c.channel.read(readBuffer);
      if (n < 0) {
        fail(c, c.state == Connection.State.READY ? "server closed the socket" : "socket closed");
        return;
      }
      if (n == 0) {
        return;
      }
      nowNanos = System.nanoTime();
      bytesReceived += n;
      byte[] data = readBuffer.array();
      if (c.state == Connection.State.HANDSHAKING) {
        readHandshake(c, data, n);
      } else {
        frameSink.connection = c;
        c.decoder.feed(data, 0, n, frameSink);
      }
      if (n < READ_BUFFER_BYTES) {
        return;
      }
    }
  }

  private void readHandshake(Connection c, byte[] data, int n) throws IOException {
    c.appendHandshake(data, 0, n);
    int end = WsHandshake.headerEnd(c.handshake, 0, c.handshakeLength);
    if (end < 0) {
      if (c.handshakeLength > WsHandshake.MAX_RESPONSE_HEADER_BYTES) {
        throw new WsProtocolException("handshake response header over 8 KiB");
      }
      return;
    }
    String header = new String(c.handshake, 0, end, StandardCharsets.ISO_8859_1);
    WsHandshake.checkResponse(header, c.wsKey, dialect.subprotocol());
    byte[] rest = java.util.Arrays.copyOfRange(c.handshake, end, c.handshakeLength);
    c.handshake = new byte[0];
    c.handshakeLength = 0;
    c.state = Connection.State.OPEN;
    dialect.onOpen(c);
    if (rest.length > 0 && c.state != Connection.State.CLOSED) {
      frameSink.connection = c;
      c.decoder.feed(rest, 0, rest.length, frameSink);
    }
  }

  /** Decoded frames of the connection being read. */
  private final class FrameSink implements FrameHandler {
    Connection connection;

    @Override
    public void onFrame(int opcode, byte[] data, int offset, int length) {
      Connection c = connection;
      if (c.state == Connection.State.CLOSED) {
        return;
      }
      switch (opcode) {
        case WsFrames.OP_PING -> sendFrame(c, WsFrames.OP_PONG, new byte[0], data, offset, length);
        case WsFrames.OP_PONG -> {
          // unsolicited or answer to nothing we sent: ignore
        }
        case WsFrames.OP_CLOSE -> {
          int code = length >= 2 ? ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF) : 1005;
          sendFrame(c, WsFrames.OP_CLOSE, new byte[0], data, offset, Math.min(length, 2));
          String reason =
              new String(
                  data,
                  offset + Math.min(length, 2),
                  Math.max(0, length - 2),
                  StandardCharsets.UTF_8);
          fail(c, "server closed with " + code + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        default -> {
          try {
            dialect.onMessage(c, opcode, data, offset, length);
          } catch (IOException e) {
            fail(c, e.getMessage());
          }
        }
      }
    }

    @Override
    public void onOversized(int opcode, long length) {
      measurement.onOversized();
    }
  }

  void sendFrame(Connection c, int opcode, byte[] prefix, byte[] payload, int off, int len) {
    if (c.state == Connection.State.CLOSED) {
      return;
    }
    int frameLength = WsFrames.clientFrameLength(prefix.length + len);
    ByteBuffer out =
        frameLength <= FRAME_BUFFER_BYTES ? frameBuffer : ByteBuffer.allocate(frameLength);
    out.clear();
    WsFrames.writeClientFrame(
        out, opcode, nextMaskKey(), prefix, 0, prefix.length, payload, off, len);
    out.flip();
    if (!c.write(out, nowNanos)) {
      fail(c, "write failed");
    }
  }

  /** xorshift64: masking keys need to vary, not to be secret, from a client that is a test. */
  private int nextMaskKey() {
    long x = maskState;
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    maskState = x;
    return (int) x;
  }

  void ready(Connection c) {
    if (c.state != Connection.State.OPEN) {
      return;
    }
    c.state = Connection.State.READY;
    inFlight--;
    (c.role == Role.AGENT ? agentsReady : dashboardsReady).incrementAndGet();
    ReconnectLog log = reconnects;
    if (log != null) {
      c.backoff.reset();
      log.onReady(nowNanos);
    }
    if (c.role == Role.DASHBOARD && c.index >= stalledFrom && c.key != null && c.key.isValid()) {
      c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_READ);
    }
  }

  void deliver(Connection c, byte[] data, int off, int len) {
    if (c.role == Role.DASHBOARD && c.index >= stalledFrom) {
      return; // a stalled dashboard's last reads before it stopped: not measured
    }
    if (c.role == Role.DASHBOARD && scanner.scan(data, off, len, stamp)) {
      measurement.onDelivery(c.index, stamp, micros(nowNanos));
    } else {
      measurement.onUnstamped();
    }
  }

  void fail(Connection c, String reason) {
    if (c.state == Connection.State.CLOSED) {
      return;
    }
    ReconnectLog log = reconnects;
    if (log != null) {
      redial(c, log);
      return;
    }
    boolean beforeOpen =
        c.state == Connection.State.CONNECTING || c.state == Connection.State.HANDSHAKING;
    if (beforeOpen && c.attempts < MAX_CONNECT_ATTEMPTS) {
      closeQuietly(c);
      c.reset();
      inFlight--;
      toConnect.add(c);
      note(c, "retried after " + reason);
      return;
    }
    if (c.state == Connection.State.READY) {
      closedAfterReady.incrementAndGet();
      (c.role == Role.AGENT ? agentsReady : dashboardsReady).decrementAndGet();
    } else {
      failedBeforeReady.incrementAndGet();
      inFlight--;
    }
    note(c, reason);
    c.state = Connection.State.CLOSED;
    closeQuietly(c);
    c.release();
  }

  /** Drops {@code c} and dials it again after its backoff delay. */
  private void redial(Connection c, ReconnectLog log) {
    boolean wasReady = c.state == Connection.State.READY;
    if (wasReady) {
      closedAfterReady.incrementAndGet();
      (c.role == Role.AGENT ? agentsReady : dashboardsReady).decrementAndGet();
    } else {
      inFlight--;
    }
    log.onDrop(nowNanos, wasReady);
    closeQuietly(c);
    c.reset();
    c.redialAtNanos = nowNanos + c.backoff.nextDelayMs() * 1_000_000;
    redials.add(c);
  }

  /** Counts {@code reason} for the report and logs its first occurrence. */
  private void note(Connection c, String reason) {
    String key = c.role.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason;
    if (failureReasons.size() < MAX_REASONS || failureReasons.containsKey(key)) {
      if (failureReasons.merge(key, 1, Integer::sum) == 1) {
        log.warn("{}: {}", c, reason);
      }
    }
  }

  private int sendDue() {
    if (schedule == null) {
      return 0;
    }
    int sent = 0;
    while (sent < MAX_SENDS_PER_TURN) {
      long due = schedule.scheduledNanosOf(nextSlot);
      if (due > nowNanos) {
        break;
      }
      Connection agent = agents[schedule.agentOf(nextSlot)];
      long seq = schedule.seqOf(nextSlot);
      nextSlot++;
      sent++;
      if (agent.state != Connection.State.READY) {
        measurement.onNotConnected();
        continue;
      }
      if (agent.backlogBytes() > AGENT_BACKLOG_LIMIT_BYTES) {
        measurement.onDroppedAtSender();
        continue;
      }
      long scheduledUs = micros(due);
      agent.sample.stamp(seq, scheduledUs, System.currentTimeMillis());
      dialect.sendSample(agent, agent.sample);
      long lagUs = (System.nanoTime() - due) / 1_000;
      measurement.onSent(agent.index, seq, scheduledUs, lagUs);
      nowNanos = System.nanoTime();
    }
    return sent;
  }

  private void keepAlive() {
    if (nowNanos < nextKeepAliveNanos) {
      return;
    }
    nextKeepAliveNanos = nowNanos + KEEPALIVE_SWEEP_MS * 1_000_000;
    for (Connection c : dashboards) {
      if (c.state == Connection.State.READY) {
        dialect.keepAlive(c, nowNanos);
      }
    }
    for (Connection c : agents) {
      if (c.state == Connection.State.READY) {
        dialect.keepAlive(c, nowNanos);
      }
    }
  }

  private void closeAll() {
    for (Connection c : agents) {
      closeQuietly(c);
    }
    for (Connection c : dashboards) {
      closeQuietly(c);
    }
    try {
      selector.close();
    } catch (IOException e) {
      log.debug("selector close: {}", e.toString());
    }
  }

  private static void closeQuietly(Connection c) {
    if (c.channel == null) {
      return;
    }
    try {
      c.channel.close();
    } catch (IOException e) {
      log.debug("close {}: {}", c, e.toString());
    }
  }
}
