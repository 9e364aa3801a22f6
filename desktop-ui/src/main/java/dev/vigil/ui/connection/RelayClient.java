package dev.vigil.ui.connection;

import dev.vigil.link.Channel;
import dev.vigil.link.ChannelAcceptor;
import dev.vigil.link.ChannelDialer;
import dev.vigil.link.ChannelListener;
import dev.vigil.link.Transport;
import dev.vigil.link.TransportLadder;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Welcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's one link to the relay: says hello as a dashboard, passes decoded messages to a
 * {@link RelayListener}, answers pings, measures round-trip time with its own pings, declares the
 * link dead after {@link Protocol#HEARTBEAT_TIMEOUT_FACTOR} silent intervals, and reconnects with
 * full-jitter {@link Backoff} unless the relay's close code says retrying cannot help. It dials
 * over the {@link TransportLadder}: WebSocket, then Server-Sent Events, then long-polling, a rung
 * counting as working only once the relay's welcome came back over it; while on a lower rung it
 * tries the better ones in the background and moves over, resuming the stream where it stands, once
 * one is welcomed. In listen mode it waits for the relay to dial in instead. Link bookkeeping runs
 * on one scheduler thread; decoding runs on the channel's read thread. Thread-safe.
 */
public final class RelayClient implements MessageSender, AutoCloseable {
  /** How often the dashboard pings the relay to measure round-trip time. */
  public static final long PING_INTERVAL_MS = 2_000;

  /** How long one dial may take before it counts as failed. */
  public static final int CONNECT_TIMEOUT_MS = ChannelDialer.CONNECT_TIMEOUT_MS;

  /**
   * How long after opening a channel the relay's welcome may take; a channel that opens but never
   * makes the round trip (a proxy that buffers, say) counts as failed.
   */
  public static final long WELCOME_TIMEOUT_MS = Protocol.HELLO_TIMEOUT_MS;

  /** How long {@link #close()} waits for the link to shut down. */
  public static final long CLOSE_WAIT_MS = 2_000;

  /** How long {@link #close()} waits for the relay to answer the goodbye by closing the link. */
  public static final long GOODBYE_WAIT_MS = 1_000;

  /** Why the dashboard leaves, as its goodbye says. */
  public static final String GOODBYE_REASON = "dashboard closed";

  private static final Logger LOG = LoggerFactory.getLogger(RelayClient.class);
  private static final String SOFTWARE_VERSION =
      Optional.ofNullable(RelayClient.class.getPackage().getImplementationVersion())
          .orElse("0.1.0-SNAPSHOT");

  private final RelayEndpoint endpoint;
  private final RelayListener listener;
  private final Clock clock;
  private final Backoff backoff;
  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final ScheduledExecutorService scheduler;
  private final AtomicLong nextPingNonce = new AtomicLong(1);
  private final StreamPosition position = new StreamPosition();
  private final ChannelDialer dialer;
  private final TransportLadder ladder = TransportLadder.forDashboard();
  private final ChannelListener callbacks = new Callbacks();
  private volatile ChannelAcceptor acceptor;
  private volatile long probeIntervalMs = TransportLadder.UPGRADE_PROBE_INTERVAL_MS;
  private volatile long welcomeTimeoutMs = WELCOME_TIMEOUT_MS;

  // Written on the scheduler thread, or on the read thread when a probe's welcome switches over.
  private volatile Channel current;
  private volatile Channel probe;

  // Confined to the scheduler thread.
  private ScheduledFuture<?> heartbeat;
  private ScheduledFuture<?> welcomeTimeout;
  private ScheduledFuture<?> probeTask;
  private boolean stopped;
  private long heartbeatIntervalMs = Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS;

  // Read by the channel threads and by senders.
  private volatile Channel welcomed;
  private volatile long lastHeardMs;
  private volatile String lastErrorNotice;

  /** A client with the default backoff (0.5 s to 30 s, full jitter). */
  public RelayClient(RelayEndpoint endpoint, RelayListener listener, Clock clock) {
    this(endpoint, listener, clock, new Backoff());
  }

  /** A client with a given backoff, for tests that need fast reconnects. */
  RelayClient(RelayEndpoint endpoint, RelayListener listener, Clock clock, Backoff backoff) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.dialer = new ChannelDialer(endpoint.address());
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vigil-relay-client");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a pending redial dies too
    this.scheduler = executor;
  }

  /**
   * Goes through {@code httpProxy} instead of what the environment says ({@code http_proxy} /
   * {@code https_proxy} / {@code no_proxy}); empty connects directly. From the next dial on.
   */
  public void useProxy(Optional<InetSocketAddress> httpProxy) {
    dialer.useProxy(Objects.requireNonNull(httpProxy, "httpProxy"));
  }

  /** As {@link #useProxy}, with the credentials to give the proxy when it asks. */
  public void useHttpProxy(dev.vigil.protocol.ProxySettings.HttpProxy proxy) {
    dialer.useHttpProxy(Optional.of(proxy));
  }

  /**
   * Listen mode: instead of dialling, waits for a relay from {@code allowFrom} to dial {@code
   * bind}. Call before {@link #start}.
   */
  public void listenOn(InetSocketAddress bind, List<String> allowFrom) {
    this.acceptor = new ChannelAcceptor(bind, allowFrom, callbacks);
  }

  /** The port listen mode is bound to, once started; -1 when dialling. */
  public int listenPort() {
    ChannelAcceptor a = acceptor;
    return a == null ? -1 : a.port();
  }

  /** The transport of the welcomed link, or empty while not connected. */
  public Optional<Transport> transport() {
    Channel link = welcomed;
    return link == null ? Optional.empty() : Optional.of(link.transport());
  }

  /** Tests: how often to try a better transport, and how long to wait for a welcome. */
  void setTimings(long probeEveryMs, long welcomeWithinMs) {
    this.probeIntervalMs = probeEveryMs;
    this.welcomeTimeoutMs = welcomeWithinMs;
  }

  /** The relay this client talks to. */
  public RelayEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Starts the first connection attempt (or, in listen mode, listening); returns at once.
   *
   * @throws IOException when listen mode cannot bind its address
   */
  public void start() throws IOException {
    ChannelAcceptor a = acceptor;
    if (a != null) {
      try {
        a.start();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting to listen", e);
      }
      emit(new RelayEvent.StatusChanged(ConnectionStatus.connecting()));
      return;
    }
    post(this::dial);
  }

  @Override
  public boolean send(Message message) {
    Channel link = welcomed;
    return link != null && link.isOpen() && link.send(codec.encode(message));
  }

  /**
   * Closes the link for good and stops reconnecting. On a welcomed link it first says {@link
   * Goodbye} and waits up to {@link #GOODBYE_WAIT_MS} for the relay to close, so the relay knows
   * the dashboard left on purpose. Waits at most {@link #CLOSE_WAIT_MS} in all.
   */
  @Override
  public void close() {
    post(
        () -> {
          stopped = true;
          cancelHeartbeat();
          cancel(probeTask);
          ChannelAcceptor a = acceptor;
          if (a != null) {
            a.close();
          }
          Channel p = probe;
          if (p != null) {
            p.abort(CloseCodes.NORMAL, GOODBYE_REASON);
          }
          Channel link = current;
          if (link != null) {
            if (link == welcomed && link.isOpen()) {
              sayGoodbye(link);
            }
            link.close(CloseCodes.NORMAL, GOODBYE_REASON);
            current = null;
          }
          welcomed = null;
          emit(new RelayEvent.StatusChanged(ConnectionStatus.disconnected()));
        });
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
        LOG.warn("relay client did not stop within {} ms", CLOSE_WAIT_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sayGoodbye(Channel link) {
    trySend(link, new Goodbye(GOODBYE_REASON));
    try {
      if (!link.awaitClosed(GOODBYE_WAIT_MS)) {
        LOG.debug("relay did not close within {} ms of the goodbye", GOODBYE_WAIT_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dial() {
    if (stopped || acceptor != null || current != null) {
      return; // current is set when a background link was promoted meanwhile
    }
    lastErrorNotice = null;
    Transport transport = ladder.current();
    emit(new RelayEvent.StatusChanged(ConnectionStatus.connecting(transport)));
    LOG.info(
        "connecting to {} over {}",
        transport.isHttp() ? endpoint.httpUri() : endpoint.uri(),
        transport.displayName());
    Channel link = dialer.open(transport, callbacks);
    current = link;
    armWelcomeTimeout(link);
  }

  private void armWelcomeTimeout(Channel link) {
    cancel(welcomeTimeout);
    welcomeTimeout =
        scheduler.schedule(
            () -> {
              if (link == current && welcomed != link && !stopped) {
                LOG.warn(
                    "no welcome over {} within {} ms; dropping the link",
                    link.transport().displayName(),
                    welcomeTimeoutMs);
                link.abort(CloseCodes.GOING_AWAY, "no welcome within " + welcomeTimeoutMs + " ms");
              }
            },
            welcomeTimeoutMs,
            TimeUnit.MILLISECONDS);
  }

  private Hello hello() {
    Hello hello =
        new Hello(
            Role.DASHBOARD,
            endpoint.token(),
            endpoint.peerId(),
            endpoint.operatorName(),
            SOFTWARE_VERSION,
            Map.of(),
            false,
            System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return position.hello(hello);
  }

  private void opened(Channel link) {
    if (stopped) {
      link.abort(CloseCodes.GOING_AWAY, GOODBYE_REASON);
      return;
    }
    if (link == probe) {
      trySend(link, hello());
      return;
    }
    if (link != current && acceptor != null) {
      // Listen mode: the relay dialled in; the newest connection is the link.
      Channel old = current;
      if (old != null) {
        current = null;
        old.close(CloseCodes.REPLACED, "the relay dialled in again");
      }
      current = link;
      armWelcomeTimeout(link);
    }
    if (link != current) {
      return;
    }
    lastHeardMs = clock.millis();
    trySend(link, hello());
    cancelHeartbeat();
    heartbeat =
        scheduler.scheduleAtFixedRate(
            () -> heartbeatTick(link), PING_INTERVAL_MS, PING_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  private void welcomed(Channel link, Welcome welcome) {
    if (link != current || stopped) {
      return;
    }
    cancel(welcomeTimeout);
    heartbeatIntervalMs = welcome.heartbeatIntervalMs();
    backoff.reset();
    ladder.welcomed(link.transport());
    welcomed = link;
    LOG.info(
        "connected to relay {} over {} (session {})",
        welcome.relayId(),
        link.transport().displayName(),
        welcome.sessionId());
    scheduleProbe();
  }

  // ---- trying a better transport in the background ----

  private void scheduleProbe() {
    cancel(probeTask);
    if (acceptor != null || ladder.onBest() || stopped) {
      return;
    }
    probeTask = scheduler.schedule(this::startProbe, probeIntervalMs, TimeUnit.MILLISECONDS);
  }

  private void startProbe() {
    if (stopped || welcomed == null || probe != null) {
      return;
    }
    ladder
        .probeCandidate()
        .ifPresent(
            t -> {
              LOG.debug("trying {} in the background", t.displayName());
              Channel p = dialer.open(t, callbacks);
              probe = p;
              long timeoutMs = welcomeTimeoutMs;
              scheduler.schedule(
                  () -> {
                    if (probe == p) {
                      p.abort(CloseCodes.GOING_AWAY, "no welcome within " + timeoutMs + " ms");
                    }
                  },
                  timeoutMs,
                  TimeUnit.MILLISECONDS);
            });
  }

  /**
   * A probe was welcomed: it becomes the link, on the read thread so that nothing it receives next
   * is dropped. It resumed the stream from where it stood when the probe said hello, so what both
   * links carry meanwhile arrives twice and {@link StreamPosition} drops the second copy.
   */
  private void promoteProbe(Channel link, Welcome welcome) {
    Channel old = current;
    probe = null;
    current = link;
    welcomed = null;
    lastHeardMs = clock.millis();
    LOG.info(
        "moving the link from {} to {}",
        old == null ? "nothing" : old.transport().displayName(),
        link.transport().displayName());
    post(
        () -> {
          if (old != null) {
            old.close(CloseCodes.NORMAL, "moved to " + link.transport().displayName());
          }
          cancelHeartbeat();
          heartbeat =
              scheduler.scheduleAtFixedRate(
                  () -> heartbeatTick(link),
                  PING_INTERVAL_MS,
                  PING_INTERVAL_MS,
                  TimeUnit.MILLISECONDS);
          welcomed(link, welcome);
        });
  }

  private void heartbeatTick(Channel link) {
    if (link != current || stopped) {
      return;
    }
    long nowMs = clock.millis();
    long silentMs = nowMs - lastHeardMs;
    long limitMs =
        Math.max(heartbeatIntervalMs, PING_INTERVAL_MS) * Protocol.HEARTBEAT_TIMEOUT_FACTOR;
    if (silentMs > limitMs) {
      String reason = "relay silent for " + silentMs / 1000 + " s";
      LOG.warn("{}; dropping the link", reason);
      link.abort(CloseCodes.HEARTBEAT_TIMEOUT, reason);
      return;
    }
    if (!link.send(codec.encode(new Ping(nextPingNonce.getAndIncrement(), nowMs)))) {
      LOG.debug("ping skipped: link not open");
    }
  }

  private void closed(Channel link, int code, String reason) {
    if (link == probe) {
      probe = null;
      LOG.debug("{} still does not work: {} {}", link.transport().displayName(), code, reason);
      scheduleProbe();
      return;
    }
    if (link != current) {
      return;
    }
    boolean wasWelcomed = welcomed == link;
    current = null;
    welcomed = null;
    cancelHeartbeat();
    cancel(welcomeTimeout);
    cancel(probeTask);
    Channel p = probe;
    if (p != null) {
      probe = null; // the reconnect below resumes; a probe promoted later would be a second link
      p.abort(CloseCodes.NORMAL, "the link it was to replace is gone");
    }
    if (!wasWelcomed) {
      ladder.failed(link.transport());
    }
    if (stopped) {
      return;
    }
    String notice = lastErrorNotice;
    String why = describeClose(code, notice != null ? notice : reason);
    if (!CloseCodes.shouldReconnect(code)) {
      LOG.warn("relay refused the dashboard: {}", why);
      emit(new RelayEvent.StatusChanged(ConnectionStatus.failed(why)));
      return;
    }
    if (acceptor != null) {
      LOG.info("link lost ({}); waiting for the relay to dial in again", why);
      emit(new RelayEvent.StatusChanged(ConnectionStatus.connecting()));
      return;
    }
    long delayMs = backoff.nextDelayMs();
    LOG.info("link lost ({}); reconnecting in {} ms", why, delayMs);
    emit(
        new RelayEvent.StatusChanged(ConnectionStatus.reconnecting(why, clock.millis() + delayMs)));
    scheduler.schedule(this::dial, delayMs, TimeUnit.MILLISECONDS);
  }

  private void received(Channel link, String text) {
    if (link == current) {
      lastHeardMs = clock.millis();
    }
    DecodeResult result = codec.decode(text);
    if (result instanceof DecodeResult.Failed failed) {
      LOG.error("dropping a message from the relay: {} ({})", failed.detail(), failed.error());
      return;
    }
    Envelope envelope = ((DecodeResult.Decoded) result).envelope();
    Message message = envelope.body();
    if (message instanceof Ping ping) {
      trySend(link, new Pong(ping.nonce(), ping.sentAtMs()));
    } else if (message instanceof Pong pong) {
      emit(new RelayEvent.RoundTrip(Math.max(0, clock.millis() - pong.sentAtMs())));
    } else if (message instanceof Welcome welcome && link == probe) {
      position.welcomed(welcome);
      promoteProbe(link, welcome);
      emit(
          new RelayEvent.StatusChanged(
              ConnectionStatus.connected(
                  welcome.relayId(), link.transport(), link.transport() != ladder.rungs().get(0))));
    } else if (message instanceof Welcome welcome) {
      if (link == current) {
        position.welcomed(welcome);
        LOG.info(
            welcome.isResumed()
                ? "resuming stream {} after #{}: the relay replays what followed"
                : "stream {} from a fresh snapshot",
            welcome.streamEpoch(),
            position.lastSeq());
      }
      // Queued before anyone hears "connected", so a close() that follows finds the link welcomed
      // and says goodbye.
      post(() -> welcomed(link, welcome));
      if (link == current) {
        // Emitted from the read thread so the status precedes the snapshot that follows.
        emit(
            new RelayEvent.StatusChanged(
                ConnectionStatus.connected(
                    welcome.relayId(),
                    link.transport(),
                    link.transport() != ladder.rungs().get(0))));
        emit(new RelayEvent.Received(welcome)); // the operator's role, for the controls
      }
    } else if (message instanceof ErrorNotice notice) {
      lastErrorNotice = notice.reason();
      LOG.warn("relay error notice {}: {}", notice.code(), notice.reason());
    } else if (link != current && message instanceof dev.vigil.protocol.Result) {
      // The answer to a request sent on a link since replaced by a better transport: still ours.
      emit(new RelayEvent.Received(message));
    } else if (link == current) {
      StreamPosition.Verdict verdict = position.accept(envelope);
      if (verdict instanceof StreamPosition.Verdict.Duplicate duplicate) {
        LOG.debug("dropping #{}: already received", duplicate.seq());
        return;
      }
      if (verdict instanceof StreamPosition.Verdict.Skipped skipped) {
        LOG.warn("gap in the relay's stream: {}", skipped.gap().reason());
        emit(new RelayEvent.Received(skipped.gap()));
      }
      emit(new RelayEvent.Received(message));
    }
  }

  /** The operator-facing reason for a close code. */
  static String describeClose(int code, String reason) {
    String detail = reason == null || reason.isBlank() ? "" : ": " + reason;
    return switch (code) {
      case CloseCodes.UNAUTHORIZED -> "token rejected" + detail; // unknown, or revoked: say which
      case CloseCodes.HELLO_REQUIRED -> "relay rejected the hello" + detail;
      case CloseCodes.UNSUPPORTED_VERSION -> "relay does not speak this protocol version" + detail;
      case CloseCodes.REPLACED -> "replaced by another connection" + detail;
      case CloseCodes.ROLE_VIOLATION -> "relay refused a request" + detail;
      case CloseCodes.HEARTBEAT_TIMEOUT -> "heartbeat timeout" + detail;
      case CloseCodes.SLOW_CONSUMER -> "this dashboard fell too far behind" + detail;
      case CloseCodes.GOING_AWAY -> "relay shutting down";
      case CloseFrame.NEVER_CONNECTED -> "cannot reach relay" + detail;
      case CloseFrame.ABNORMAL_CLOSE -> "connection dropped" + detail;
      default -> "closed with code " + code + detail;
    };
  }

  private void trySend(Channel link, Message message) {
    if (!link.send(codec.encode(message))) {
      LOG.debug("could not send {}: link closed", message.type().wireName());
    }
  }

  private static void cancel(ScheduledFuture<?> task) {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void cancelHeartbeat() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
      heartbeat = null;
    }
  }

  private void emit(RelayEvent event) {
    try {
      listener.onRelayEvent(event);
    } catch (RuntimeException e) {
      LOG.error("relay listener failed on {}", event, e);
    }
  }

  private void post(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("relay client already stopped");
    }
  }

  /** Channel callbacks: bookkeeping goes to the scheduler, messages are decoded here. */
  private final class Callbacks implements ChannelListener {
    @Override
    public void onOpen(Channel channel) {
      post(() -> opened(channel));
    }

    @Override
    public void onText(Channel channel, String text) {
      received(channel, text);
    }

    @Override
    public void onClosed(Channel channel, int code, String reason, boolean remote) {
      post(() -> closed(channel, code, reason));
    }
  }
}
