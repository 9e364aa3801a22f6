package dev.vigil.ui.connection;

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
import dev.vigil.protocol.ProxySettings;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Welcome;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's one link to the relay over WebSocket: says hello as a dashboard, passes decoded
 * messages to a {@link RelayListener}, answers pings, measures round-trip time with its own pings,
 * declares the link dead after {@link Protocol#HEARTBEAT_TIMEOUT_FACTOR} silent intervals, and
 * reconnects with full-jitter {@link Backoff} unless the relay's close code says retrying cannot
 * help. Link bookkeeping runs on one scheduler thread; decoding runs on the socket's read thread.
 * Thread-safe.
 */
public final class RelayClient implements MessageSender, AutoCloseable {
  /** How often the dashboard pings the relay to measure round-trip time. */
  public static final long PING_INTERVAL_MS = 2_000;

  /** How long one dial may take before it counts as failed. */
  public static final int CONNECT_TIMEOUT_MS = 5_000;

  /** How long {@link #close()} waits for the link to shut down. */
  public static final long CLOSE_WAIT_MS = 2_000;

  /** How long {@link #close()} waits for the relay to answer the goodbye by closing the link. */
  public static final long GOODBYE_WAIT_MS = 1_000;

  /** Why the dashboard leaves, as its goodbye says. */
  public static final String GOODBYE_REASON = "dashboard closed";

  /** The transport name shown to the operator. */
  public static final String TRANSPORT = "WebSocket";

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
  private volatile Optional<InetSocketAddress> proxy;

  // Written only on the scheduler thread.
  private volatile Link current;

  // Confined to the scheduler thread.
  private ScheduledFuture<?> heartbeat;
  private boolean stopped;
  private long heartbeatIntervalMs = Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS;

  // Read by the socket threads and by senders.
  private volatile Link welcomed;
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
    this.proxy = ProxySettings.forTarget(endpoint.uri(), System.getenv());
    this.proxy.ifPresent(p -> LOG.info("reaching {} through the HTTP proxy {}", endpoint.uri(), p));
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vigil-relay-client");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.scheduler = executor;
  }

  /**
   * Tunnels through {@code httpProxy} (HTTP CONNECT) instead of what the environment says ({@code
   * http_proxy} / {@code https_proxy} / {@code no_proxy}); empty connects directly. From the next
   * dial on.
   */
  public void useProxy(Optional<InetSocketAddress> httpProxy) {
    this.proxy = Objects.requireNonNull(httpProxy, "httpProxy");
  }

  /** The relay this client talks to. */
  public RelayEndpoint endpoint() {
    return endpoint;
  }

  /** Starts the first connection attempt; returns at once. */
  public void start() {
    post(this::dial);
  }

  @Override
  public boolean send(Message message) {
    Link link = welcomed;
    if (link == null || !link.isOpen()) {
      return false;
    }
    try {
      link.send(codec.encode(message));
      return true;
    } catch (WebsocketNotConnectedException e) {
      return false;
    }
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
          Link link = current;
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

  private void sayGoodbye(Link link) {
    trySend(link, new Goodbye(GOODBYE_REASON));
    try {
      if (!link.closeSeen.await(GOODBYE_WAIT_MS, TimeUnit.MILLISECONDS)) {
        LOG.debug("relay did not close within {} ms of the goodbye", GOODBYE_WAIT_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dial() {
    if (stopped) {
      return;
    }
    lastErrorNotice = null;
    emit(new RelayEvent.StatusChanged(ConnectionStatus.connecting()));
    Link link = new Link();
    current = link;
    LOG.info("connecting to {}", endpoint.uri());
    link.connect();
  }

  private void opened(Link link) {
    if (link != current || stopped) {
      return;
    }
    lastHeardMs = clock.millis();
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
    link.send(codec.encode(position.hello(hello)));
    cancelHeartbeat();
    heartbeat =
        scheduler.scheduleAtFixedRate(
            () -> heartbeatTick(link), PING_INTERVAL_MS, PING_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  private void welcomed(Link link, Welcome welcome) {
    if (link != current || stopped) {
      return;
    }
    heartbeatIntervalMs = welcome.heartbeatIntervalMs();
    backoff.reset();
    welcomed = link;
    LOG.info("connected to relay {} (session {})", welcome.relayId(), welcome.sessionId());
  }

  private void heartbeatTick(Link link) {
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
      link.closeConnection(CloseCodes.HEARTBEAT_TIMEOUT, reason);
      return;
    }
    try {
      link.send(codec.encode(new Ping(nextPingNonce.getAndIncrement(), nowMs)));
    } catch (WebsocketNotConnectedException e) {
      LOG.debug("ping skipped: link not open");
    }
  }

  private void closed(Link link, int code, String reason) {
    if (link != current) {
      return;
    }
    current = null;
    welcomed = null;
    cancelHeartbeat();
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
    long delayMs = backoff.nextDelayMs();
    LOG.info("link lost ({}); reconnecting in {} ms", why, delayMs);
    emit(
        new RelayEvent.StatusChanged(ConnectionStatus.reconnecting(why, clock.millis() + delayMs)));
    scheduler.schedule(this::dial, delayMs, TimeUnit.MILLISECONDS);
  }

  private void received(Link link, String text) {
    lastHeardMs = clock.millis();
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
        emit(new RelayEvent.StatusChanged(ConnectionStatus.connected(welcome.relayId())));
      }
    } else if (message instanceof ErrorNotice notice) {
      lastErrorNotice = notice.reason();
      LOG.warn("relay error notice {}: {}", notice.code(), notice.reason());
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
      case CloseCodes.UNAUTHORIZED -> "token rejected";
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

  private void trySend(Link link, Message message) {
    try {
      link.send(codec.encode(message));
    } catch (WebsocketNotConnectedException e) {
      LOG.debug("could not send {}: link closed", message.type().wireName());
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

  /** One WebSocket connection attempt; its callbacks hand over to the client. */
  private final class Link extends WebSocketClient {
    /** Counted down when the link closed, whoever closed it. */
    final CountDownLatch closeSeen = new CountDownLatch(1);

    Link() {
      super(endpoint.uri(), new Draft_6455(), Map.of(), CONNECT_TIMEOUT_MS);
      proxy.ifPresent(p -> setDnsResolver(null)); // the proxy resolves the relay's name
      proxy.ifPresent(
          p ->
              setProxy(
                  new java.net.Proxy(
                      java.net.Proxy.Type.HTTP,
                      new InetSocketAddress(p.getHostString(), p.getPort()))));
      setTcpNoDelay(true);
      setConnectionLostTimeout(0); // heartbeats are the protocol's, not the library's
      setDaemon(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      post(() -> opened(this));
    }

    @Override
    public void onMessage(String text) {
      received(this, text);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closeSeen.countDown();
      post(() -> closed(this, code, reason));
    }

    @Override
    public void onError(Exception e) {
      LOG.debug("link error: {}", e.toString());
    }
  }
}
