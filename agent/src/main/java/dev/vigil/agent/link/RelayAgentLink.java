package dev.vigil.agent.link;

import dev.vigil.agent.spool.OutboundStore;
import dev.vigil.link.Channel;
import dev.vigil.link.ChannelAcceptor;
import dev.vigil.link.ChannelDialer;
import dev.vigil.link.ChannelListener;
import dev.vigil.link.RelayAddress;
import dev.vigil.link.Transport;
import dev.vigil.link.TransportLadder;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Received;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.Welcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AgentLink} over one long-lived {@link Channel} to the relay. It dials over the agent's
 * {@link TransportLadder} (WebSocket, then the HTTP fallback: batched POSTs up, long-polls down),
 * and while on the fallback tries WebSocket again in the background, moving over once it is
 * welcomed; or, in listen mode, it waits for the relay to dial in ({@link ChannelAcceptor}). On
 * open it sends the {@link Hello}, waits for the {@link Welcome}, then sends catalog and inventory.
 * Samples and events go into the {@link OutboundStore} first, numbered, and are sent from there:
 * after a welcome the link resends everything the relay does not hold yet (the welcome says how far
 * it has), in order, paced by the socket's send queue, then goes on live; the relay's {@link
 * Received} lets the store drop what is safe. So an outage loses nothing, and a replay keeps the
 * original timestamps. It answers relay pings, sends its own every welcome heartbeat interval and
 * drops a link silent for {@link Protocol#HEARTBEAT_TIMEOUT_FACTOR} intervals. It reconnects with
 * full-jitter {@link Backoff} (reset after a welcome) unless the close code says retrying cannot
 * help. Connection callbacks run on the given executor, never on the WebSocket threads.
 */
public final class RelayAgentLink implements AgentLink {
  /** How long to wait for the relay's welcome after the hello, in milliseconds. */
  public static final long WELCOME_TIMEOUT_MS = Protocol.HELLO_TIMEOUT_MS;

  /** How long {@link #close} waits for the relay to acknowledge the close, in milliseconds. */
  public static final long CLOSE_TIMEOUT_MS = 2_000;

  /** What the agent tells the relay when it stops on purpose. */
  static final String GOODBYE_REASON = "shut down";

  /** Close code for a link dropped because no welcome came in time. */
  static final int NO_WELCOME_CODE = CloseCodes.GOING_AWAY;

  /** Messages read from the store per send round. */
  static final int SEND_CHUNK_MESSAGES = 256;

  /** Bytes of text read from the store per send round, at most (one message may pass it). */
  static final int SEND_CHUNK_BYTES = 256 * 1024;

  /**
   * Writes the socket may have queued before the link stops feeding it from the store: keeps a
   * replay from piling an outage's worth of messages into memory.
   */
  static final int MAX_QUEUED_WRITES = 512;

  /** How soon a replay that found the send queue full tries again, in milliseconds. */
  static final long SEND_RETRY_MS = 5;

  /**
   * How often the store is made durable (fsync) while the relay is unreachable; appends survive a
   * killed process anyway, only a power loss needs this.
   */
  static final long SYNC_INTERVAL_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(RelayAgentLink.class);

  private final URI relayUri;
  private final ChannelDialer dialer;
  private final TransportLadder ladder = TransportLadder.forAgent();
  private final ChannelListener channelListener = new Callbacks();
  private volatile Hello hello;
  private volatile ChannelAcceptor acceptor;
  private volatile long probeIntervalMs = TransportLadder.UPGRADE_PROBE_INTERVAL_MS;
  private volatile Consumer<Command> commandHandler;
  private final ScheduledExecutorService executor;
  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final Backoff backoff;
  private final OutboundStore store;
  private final Object sendLock = new Object();
  private final Object stateMonitor = new Object();

  private volatile Channel current;
  private volatile boolean welcomed;
  private volatile boolean stopped;
  private volatile String failure;
  private volatile long lastReceivedMs;

  // Confined to the executor thread.
  private ScheduledFuture<?> heartbeatTask;
  private ScheduledFuture<?> welcomeTimeoutTask;
  private ScheduledFuture<?> probeTask;
  private ScheduledFuture<?> probeTimeoutTask;
  private Channel probe;
  private long heartbeatIntervalMs = Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS;
  private long nextNonce;
  private long sentSeq;
  private boolean sendRetryScheduled;
  private long replayStartedNanos;
  private long replayFromSeq;

  // Guarded by sendLock.
  private SensorCatalog catalog;
  private Inventory inventory;

  /**
   * @param relayUri the relay's WebSocket address (its HTTP side at the default place next to it)
   * @param hello the hello to send on every connection (the store's epoch is added to it)
   * @param store the store-and-forward buffer samples and events go through; the caller closes it
   * @param executor single-threaded executor running this link's work (may be shared)
   */
  public RelayAgentLink(
      URI relayUri, Hello hello, OutboundStore store, ScheduledExecutorService executor) {
    this(RelayAddress.of(relayUri), hello, store, executor, new Backoff());
  }

  /** As above, with a given backoff (tests use short delays). */
  public RelayAgentLink(
      URI relayUri,
      Hello hello,
      OutboundStore store,
      ScheduledExecutorService executor,
      Backoff backoff) {
    this(RelayAddress.of(relayUri), hello, store, executor, backoff);
  }

  /** As above, with the relay's HTTP side given (for the HTTP fallback). */
  public RelayAgentLink(
      RelayAddress address,
      Hello hello,
      OutboundStore store,
      ScheduledExecutorService executor,
      Backoff backoff) {
    this.relayUri = address.webSocketUri();
    this.dialer = new ChannelDialer(address);
    this.hello = hello.withStreamEpoch(store.epoch());
    this.store = store;
    this.executor = executor;
    this.backoff = backoff;
  }

  /**
   * Listen mode: instead of dialling, waits for a relay from {@code allowFrom} to dial {@code
   * bind}. Call before {@link #start}.
   */
  public void listenOn(InetSocketAddress bind, List<String> allowFrom) {
    this.acceptor = new ChannelAcceptor(bind, allowFrom, channelListener);
  }

  /**
   * How often, while on the HTTP fallback, to try WebSocket again; default {@link
   * TransportLadder#UPGRADE_PROBE_INTERVAL_MS}.
   */
  public void setUpgradeProbeIntervalMs(long intervalMs) {
    if (intervalMs <= 0) {
      throw new IllegalArgumentException("probe interval must be positive, got " + intervalMs);
    }
    this.probeIntervalMs = intervalMs;
  }

  /** The port listen mode is bound to, once started; -1 when dialling. */
  public int listenPort() {
    ChannelAcceptor a = acceptor;
    return a == null ? -1 : a.port();
  }

  /** The transport of the welcomed link, or empty while not connected. */
  public Optional<Transport> transport() {
    Channel c = current;
    return welcomed && c != null ? Optional.of(c.transport()) : Optional.empty();
  }

  /**
   * Starts dialling, or listening in listen mode.
   *
   * @throws UncheckedIOException when listen mode cannot bind its address
   */
  @Override
  public void start() {
    ChannelAcceptor a = acceptor;
    if (a != null) {
      try {
        a.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting to listen", e);
      }
    } else {
      executor.execute(this::connect);
    }
    executor.scheduleWithFixedDelay(
        () -> {
          // While welcomed, what is appended reaches the relay within milliseconds: the disk copy
          // only matters for what the relay has not got, so fsync only while it is unreachable
          // (an fsync costs the agent more CPU than a minute of appends).
          if (!stopped && !welcomed) {
            store.sync();
          }
        },
        SYNC_INTERVAL_MS,
        SYNC_INTERVAL_MS,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean awaitWelcome(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateMonitor) {
      while (!welcomed) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || stopped) {
          return welcomed;
        }
        TimeUnit.NANOSECONDS.timedWait(stateMonitor, left);
      }
      return true;
    }
  }

  @Override
  public boolean isConnected() {
    return welcomed;
  }

  @Override
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void updateCatalog(SensorCatalog newCatalog) {
    synchronized (sendLock) {
      catalog = newCatalog;
      if (welcomed) {
        send(newCatalog);
      }
    }
  }

  @Override
  public void updateInventory(Inventory newInventory) {
    synchronized (sendLock) {
      inventory = newInventory;
      if (welcomed) {
        send(newInventory);
      }
    }
  }

  @Override
  public boolean sendSample(Sample sample) {
    return sendData(sample);
  }

  @Override
  public boolean sendEvent(DeviceEvent event) {
    return sendData(event);
  }

  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    synchronized (stateMonitor) {
      stateMonitor.notifyAll();
    }
    ChannelAcceptor a = acceptor;
    if (a != null) {
      a.close();
    }
    Channel p = probe;
    if (p != null) {
      p.abort(CloseCodes.NORMAL, "agent stopped");
    }
    Channel c = current;
    if (c == null) {
      return;
    }
    try {
      // Say goodbye and let the relay close: it then knows the agent stopped on purpose, whatever
      // happens to the close frames on the wire. Close ourselves if it does not answer in time.
      if (c.isOpen() && !c.send(codec.encode(new Goodbye(GOODBYE_REASON)))) {
        LOG.debug("link closed before the goodbye went out"); // closed between check and send
      }
      if (!c.awaitClosed(CLOSE_TIMEOUT_MS)) {
        c.close(CloseCodes.NORMAL, "agent stopped");
      }
      if (!c.awaitClosed(CLOSE_TIMEOUT_MS)) {
        c.abort(CloseCodes.NORMAL, "agent stopped; relay did not answer the close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.abort(CloseCodes.NORMAL, "agent stopped");
    }
  }

  // ---- connection lifecycle, on the executor ----

  private void connect() {
    if (stopped || acceptor != null || current != null) {
      return; // current is set when a background link was promoted meanwhile
    }
    Transport transport = ladder.current();
    LOG.debug("connecting to {} over {}", relayUri, transport.displayName());
    Channel c = dialer.open(transport, channelListener);
    current = c;
    armWelcomeTimeout(c);
  }

  private void armWelcomeTimeout(Channel c) {
    cancel(welcomeTimeoutTask);
    welcomeTimeoutTask =
        executor.schedule(() -> welcomeTimedOut(c), WELCOME_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** Channel callbacks: each hands over to the executor at once. */
  private final class Callbacks implements ChannelListener {
    @Override
    public void onOpen(Channel c) {
      executor.execute(() -> opened(c));
    }

    @Override
    public void onText(Channel c, String text) {
      if (c == current) {
        lastReceivedMs = System.currentTimeMillis();
      }
      executor.execute(() -> handle(c, text));
    }

    @Override
    public void onClosed(Channel c, int code, String reason, boolean remote) {
      executor.execute(() -> closed(c, code, reason, remote));
    }
  }

  private void opened(Channel c) {
    if (stopped) {
      c.abort(CloseCodes.GOING_AWAY, "agent stopped");
      return;
    }
    if (c == probe) {
      sendRaw(c, hello);
      return;
    }
    if (c != current && acceptor != null) {
      // Listen mode: the relay dialled in; the newest connection is the link.
      Channel old = current;
      if (old != null) {
        dropCurrent(); // its close, heard later, is then ignored
        old.close(CloseCodes.REPLACED, "the relay dialled in again");
      }
      current = c;
      armWelcomeTimeout(c);
    }
    if (c == current) {
      lastReceivedMs = System.currentTimeMillis();
      LOG.debug("connected to {} over {}; sending hello", relayUri, c.transport().displayName());
      sendRaw(c, hello);
    }
  }

  private void handle(Channel c, String text) {
    if (c == probe) {
      handleProbe(c, text);
      return;
    }
    if (c != current) {
      return;
    }
    DecodeResult result = codec.decode(text);
    if (result instanceof DecodeResult.Failed failed) {
      LOG.warn("ignoring an undecodable message from the relay: {}", failed.detail());
      return;
    }
    Message m = ((DecodeResult.Decoded) result).envelope().body();
    if (m instanceof Welcome w) {
      welcomed(c, w);
    } else if (m instanceof Ping p) {
      sendRaw(c, new Pong(p.nonce(), p.sentAtMs()));
    } else if (m instanceof Pong p) {
      LOG.trace("round trip {} ms", System.currentTimeMillis() - p.sentAtMs());
    } else if (m instanceof Received r) {
      if (store.epoch().equals(r.streamEpoch())) {
        store.acknowledge(r.upToSeq());
      }
    } else if (m instanceof Command command) {
      Consumer<Command> handler = commandHandler;
      if (handler == null) {
        sendRaw(c, Result.failure(command.requestId(), "this agent takes no commands"));
      } else {
        handler.accept(command);
      }
    } else if (m instanceof ErrorNotice e) {
      LOG.error("relay reports error {}: {}", e.code(), e.reason());
    } else {
      LOG.debug("ignoring {} from the relay", m.type().wireName());
    }
  }

  private void welcomed(Channel c, Welcome w) {
    cancel(welcomeTimeoutTask);
    backoff.reset();
    ladder.welcomed(c.transport());
    heartbeatIntervalMs =
        w.heartbeatIntervalMs() > 0
            ? w.heartbeatIntervalMs()
            : Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS;
    LOG.info(
        "welcomed by relay {} over {} (session {}, heartbeat {} ms)",
        w.relayId(),
        c.transport().displayName(),
        w.sessionId(),
        heartbeatIntervalMs);
    long held = w.receivedSeqOrZero();
    if (held > 0) {
      store.acknowledge(held);
    }
    sentSeq = Math.max(store.acknowledgedSeq(), held);
    long backlog = store.lastSeq() - sentSeq;
    if (backlog > 0) {
      replayStartedNanos = System.nanoTime();
      replayFromSeq = sentSeq;
      LOG.info(
          "relay holds #{} of stream {}; resending {} buffered messages",
          held,
          store.epoch(),
          backlog);
    }
    synchronized (sendLock) {
      if (catalog != null) {
        sendRaw(c, catalog);
      }
      if (inventory != null) {
        sendRaw(c, inventory);
      }
      welcomed = true;
    }
    pump();
    synchronized (stateMonitor) {
      stateMonitor.notifyAll();
    }
    cancel(heartbeatTask);
    heartbeatTask =
        executor.scheduleAtFixedRate(
            () -> heartbeat(c), heartbeatIntervalMs, heartbeatIntervalMs, TimeUnit.MILLISECONDS);
    scheduleProbe();
  }

  // ---- trying a better transport in the background ----

  private void scheduleProbe() {
    cancel(probeTask);
    if (acceptor != null || ladder.onBest()) {
      return;
    }
    probeTask = executor.schedule(this::startProbe, probeIntervalMs, TimeUnit.MILLISECONDS);
  }

  private void startProbe() {
    if (stopped || !welcomed || probe != null) {
      return;
    }
    ladder
        .probeCandidate()
        .ifPresent(
            t -> {
              LOG.debug("trying {} in the background", t.displayName());
              Channel p = dialer.open(t, channelListener);
              probe = p;
              probeTimeoutTask =
                  executor.schedule(
                      () -> {
                        if (probe == p) {
                          p.abort(
                              NO_WELCOME_CODE, "no welcome within " + WELCOME_TIMEOUT_MS + " ms");
                        }
                      },
                      WELCOME_TIMEOUT_MS,
                      TimeUnit.MILLISECONDS);
            });
  }

  private void handleProbe(Channel c, String text) {
    DecodeResult result = codec.decode(text);
    if (!(result instanceof DecodeResult.Decoded decoded)
        || !(decoded.envelope().body() instanceof Welcome w)) {
      return;
    }
    // The better transport made a real round trip: it becomes the link. The relay replaces the
    // old connection; the store resends from what this welcome says the relay holds.
    Channel old = current;
    probe = null;
    cancel(probeTimeoutTask);
    dropCurrent();
    current = c;
    lastReceivedMs = System.currentTimeMillis();
    LOG.info(
        "moving the link from {} to {}",
        old == null ? "nothing" : old.transport().displayName(),
        c.transport().displayName());
    if (old != null) {
      old.close(CloseCodes.NORMAL, "moved to " + c.transport().displayName());
    }
    welcomed(c, w);
  }

  private void heartbeat(Channel c) {
    if (c != current || stopped) {
      return;
    }
    long now = System.currentTimeMillis();
    long silentMs = now - lastReceivedMs;
    if (silentMs > Protocol.HEARTBEAT_TIMEOUT_FACTOR * heartbeatIntervalMs) {
      LOG.warn("relay silent for {} ms; dropping the link and reconnecting", silentMs);
      c.abort(CloseCodes.HEARTBEAT_TIMEOUT, "relay silent for " + silentMs + " ms");
      return;
    }
    sendRaw(c, new Ping(++nextNonce, now));
  }

  private void welcomeTimedOut(Channel c) {
    if (c == current && !welcomed && !stopped) {
      LOG.warn(
          "no welcome from {} over {} within {} ms; reconnecting",
          relayUri,
          c.transport().displayName(),
          WELCOME_TIMEOUT_MS);
      c.abort(NO_WELCOME_CODE, "no welcome within " + WELCOME_TIMEOUT_MS + " ms");
    }
  }

  private void closed(Channel c, int code, String reason, boolean remote) {
    if (c == probe) {
      probe = null;
      cancel(probeTimeoutTask);
      LOG.debug("{} still does not work: {} {}", c.transport().displayName(), code, reason);
      if (current == null && !stopped && acceptor == null) {
        // The link this probe was to replace is gone already (the relay replaced it): dial again.
        executor.schedule(this::connect, backoff.nextDelayMs(), TimeUnit.MILLISECONDS);
      } else {
        scheduleProbe();
      }
      return;
    }
    if (c != current) {
      return;
    }
    boolean wasWelcomed = welcomed;
    dropCurrent();
    if (code == CloseCodes.REPLACED && probe != null) {
      // The background link's hello reached the relay first: the relay replaced this one with it.
      LOG.info("link replaced by the {} link being tried; waiting for its welcome", probeName());
      return;
    }
    abortProbe();
    if (!wasWelcomed) {
      ladder.failed(c.transport());
    }
    if (stopped) {
      LOG.info("link to {} closed", relayUri);
      return;
    }
    if (!CloseCodes.shouldReconnect(code)) {
      failure = "relay closed the link with code " + code + ": " + reason;
      stopped = true;
      LOG.error("{}; not reconnecting (fix the configuration and restart)", failure);
      synchronized (stateMonitor) {
        stateMonitor.notifyAll();
      }
      return;
    }
    if (acceptor != null) {
      LOG.warn("link from the relay lost (code {} {}); waiting for it to dial in", code, reason);
      return;
    }
    long delayMs = backoff.nextDelayMs();
    if (wasWelcomed) {
      LOG.warn(
          "link to {} lost (code {} {}); reconnecting in {} ms", relayUri, code, reason, delayMs);
    } else {
      LOG.debug("cannot reach {} (code {} {}); retrying in {} ms", relayUri, code, reason, delayMs);
    }
    executor.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
  }

  /** Forgets the current link and its timers, without deciding what comes next. */
  private void dropCurrent() {
    synchronized (sendLock) {
      welcomed = false;
    }
    current = null;
    cancel(heartbeatTask);
    cancel(welcomeTimeoutTask);
    cancel(probeTask);
  }

  private void abortProbe() {
    Channel p = probe;
    probe = null;
    cancel(probeTimeoutTask);
    if (p != null) {
      p.abort(CloseCodes.NORMAL, "the link it was to replace is gone");
    }
  }

  private String probeName() {
    Channel p = probe;
    return p == null ? "new" : p.transport().displayName();
  }

  // ---- sending ----

  /**
   * Numbers and stores the message, then sends what the store holds beyond what this connection has
   * sent. Returns false only when the store failed and the message could not be sent either.
   */
  private boolean sendData(Message m) {
    String[] text = new String[1];
    long seq;
    try {
      seq = store.append(n -> text[0] = codec.encode(new Envelope(Protocol.VERSION, n, m)));
    } catch (UncheckedIOException | IllegalArgumentException e) {
      LOG.error("cannot buffer {}: {}; sending it unbuffered", m.type().wireName(), e.getMessage());
      synchronized (sendLock) {
        return welcomed && send(m);
      }
    }
    executor.execute(() -> sendLive(seq, text[0]));
    return true;
  }

  /**
   * Sends a message just stored without reading it back when the connection is caught up with the
   * store (the steady state at 1 Hz); otherwise feeds the connection from the store in order.
   */
  private void sendLive(long seq, String text) {
    Channel c = current;
    if (c == null || !welcomed || stopped) {
      return;
    }
    if (seq != sentSeq + 1 || c.queuedWrites() >= MAX_QUEUED_WRITES) {
      pump();
      return;
    }
    if (c.send(text)) {
      sentSeq = seq;
    } else {
      LOG.debug("link closed while sending #{}", seq);
    }
  }

  /**
   * Feeds the connection from the store, a chunk at a time, while its send queue has room; comes
   * back shortly when it is full. Runs on the executor.
   */
  private void pump() {
    Channel c = current;
    if (c == null || !welcomed || stopped) {
      return;
    }
    while (c.queuedWrites() < MAX_QUEUED_WRITES) {
      List<OutboundStore.Entry> chunk =
          store.readAfter(sentSeq, SEND_CHUNK_MESSAGES, SEND_CHUNK_BYTES);
      if (chunk.isEmpty()) {
        replayDone();
        return;
      }
      for (OutboundStore.Entry e : chunk) {
        if (!c.send(e.text())) {
          LOG.debug("link closed while sending from the buffer");
          return;
        }
        sentSeq = e.seq();
      }
    }
    if (!sendRetryScheduled) {
      sendRetryScheduled = true;
      executor.schedule(
          () -> {
            sendRetryScheduled = false;
            pump();
          },
          SEND_RETRY_MS,
          TimeUnit.MILLISECONDS);
    }
  }

  private void replayDone() {
    if (replayStartedNanos == 0) {
      return;
    }
    double seconds = (System.nanoTime() - replayStartedNanos) / 1e9;
    long count = sentSeq - replayFromSeq;
    LOG.info(
        "resent {} buffered messages in {} s ({} per second)",
        count,
        String.format(java.util.Locale.ROOT, "%.2f", seconds),
        Math.round(count / Math.max(seconds, 1e-3)));
    replayStartedNanos = 0;
  }

  private boolean send(Message m) {
    Channel c = current;
    return c != null && sendRaw(c, m);
  }

  /**
   * Goes through {@code httpProxy} instead of what the environment says ({@code http_proxy} /
   * {@code https_proxy} / {@code no_proxy}); empty connects directly. From the next connection on.
   */
  public void useProxy(Optional<InetSocketAddress> httpProxy) {
    dialer.useProxy(httpProxy);
  }

  /** As {@link #useProxy}, with the credentials to give the proxy when it asks. */
  public void useHttpProxy(dev.vigil.protocol.ProxySettings.HttpProxy proxy) {
    dialer.useHttpProxy(Optional.of(proxy));
  }

  @Override
  public void onCommand(Consumer<Command> handler) {
    this.commandHandler = handler;
  }

  @Override
  public boolean sendResult(Result result) {
    Channel c = current;
    return c != null && welcomed && sendRaw(c, result);
  }

  @Override
  public void declareSampleInterval(long intervalMs) {
    hello = hello.withSampleIntervalMs(intervalMs);
  }

  /** Sends an unnumbered message: the hello, heartbeats, catalog and inventory (latest wins). */
  private boolean sendRaw(Channel c, Message m) {
    if (c.send(codec.encode(m))) {
      return true;
    }
    LOG.debug("link closed while sending {}", m.type().wireName());
    return false;
  }

  private static void cancel(ScheduledFuture<?> task) {
    if (task != null) {
      task.cancel(false);
    }
  }
}
