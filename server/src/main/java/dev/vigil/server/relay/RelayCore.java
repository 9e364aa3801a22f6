package dev.vigil.server.relay;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Received;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.RuleDelete;
import dev.vigil.protocol.RulePut;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SilenceDelete;
import dev.vigil.protocol.SilencePut;
import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenCreated;
import dev.vigil.protocol.TokenList;
import dev.vigil.protocol.TokenRevoke;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.alert.AlertEngine;
import dev.vigil.server.alert.AlertSettings;
import dev.vigil.server.alert.ValueFormat;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.history.HistorySink;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.link.PeerLink;
import dev.vigil.server.link.RolePolicy;
import dev.vigil.server.notify.AlertTransitions;
import dev.vigil.server.notify.NotificationDispatcher;
import dev.vigil.server.notify.NotificationStats;
import dev.vigil.server.token.TokenAdmin;
import dev.vigil.server.token.TokenRegistry;
import dev.vigil.server.upstream.CoreThread;
import dev.vigil.server.upstream.UpstreamForwarder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's core: one thread owns every connection's session state and the {@link Fleet}.
 * Transports call the {@link LinkListener} methods from their own threads; each call is handed to
 * the core thread at once. Handshake, role and host-id checks, heartbeats and closing run here.
 */
public final class RelayCore implements LinkListener, RelayQueries {
  /** How often stale hosts and pending alert durations are checked. */
  /** Offline reason of a host whose agent left on purpose. */
  static final String AGENT_STOPPED = "agent stopped";

  static final long MAINTENANCE_TICK_MS = 100;

  /** How long the first transport event of a batch waits for others; see {@link CoreInbox}. */
  static final long INBOX_COALESCE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

  /** RFC 6455 code for a connection that ended without a close frame. */

  /**
   * How long an abnormal close (1006) waits for the peer's close frame code, which the library may
   * report just after the close itself.
   */
  static final long CLOSE_CODE_SETTLE_MS = 100;

  /**
   * Heartbeat intervals between two acknowledgements of an agent's stream (30 s by default): an
   * agent keeps what is unacknowledged on disk anyway and a relay that holds it drops a resend, so
   * rare acknowledgements cost only a slightly longer resend after a cut, while 10,000 agents
   * acknowledged every interval would cost the relay 2,000 messages a second.
   */
  static final int ACKNOWLEDGE_EVERY_HEARTBEATS = 6;

  /**
   * Heartbeat intervals a dashboard may stay behind (its samples coalesced) without its send queue
   * draining, before it is closed as a slow consumer: 30 s by default.
   */
  static final int MAX_BEHIND_HEARTBEATS = 6;

  /** Heartbeat intervals an agent has to answer a command before the relay answers it: 10 s. */
  static final int COMMAND_TIMEOUT_HEARTBEATS = 2;

  /** How long a closed peer has to answer the close frame before the socket is dropped. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(RelayCore.class);

  private final RelayConfig config;
  private final String relayId;
  private final String relayVersion;
  private final MessageCodec codec;
  private final Clock clock;
  private final Authenticator auth;
  private final Fleet fleet;
  private final AlertSettings settings;
  private final ScheduledExecutorService executor;
  private final CoreInbox inbox;
  private final Map<PeerLink, Peer> peers = new HashMap<>();
  private final long heartbeatTimeoutNanos;
  private final long heartbeatIntervalNanos;
  private final long acknowledgeIntervalNanos;
  private final String heartbeatSilence;

  /** Judges alerts; its book is read once more after the core thread stops, to keep it. */
  private final AlertEngine alertEngine;

  /** Delivers alert transitions to webhooks, e-mail and commands; null when none. */
  private final NotificationDispatcher notifications;

  /** Forwards every host to the central relay in upstream mode; null otherwise. */
  private final UpstreamForwarder upstream;

  /** The tokens admins create and revoke; its registry is what {@link #auth} checks. */
  private final TokenAdmin tokens;

  private final Runnable flushTask = guarded(this::flush);
  private long sessions;
  private long pingNonce;
  private boolean flushQueued;
  private long lastFlushNanos = System.nanoTime() - DashboardHub.MAX_FLUSH_SPACING_NANOS;

  public RelayCore(
      RelayConfig config,
      String relayId,
      String relayVersion,
      MessageCodec codec,
      AlertEngine alerts,
      AlertSettings settings) {
    this(
        config,
        relayId,
        relayVersion,
        codec,
        alerts,
        settings,
        null,
        HistorySink.NONE,
        TokenAdmin.open(
            TokenRegistry.of(config.agentTokens(), config.operatorTokens(), config.operatorRoles()),
            config.dataDir()));
  }

  /**
   * @param notifications told of every alert transition without blocking, and asked for its counts
   *     by {@link #notificationStats}; null for none
   * @param history records samples, events and alert changes (offers only, never blocks)
   * @param tokens the tokens the relay accepts, and their management by admins
   */
  public RelayCore(
      RelayConfig config,
      String relayId,
      String relayVersion,
      MessageCodec codec,
      AlertEngine alerts,
      AlertSettings settings,
      NotificationDispatcher notifications,
      HistorySink history,
      TokenAdmin tokens) {
    this.tokens = tokens;
    this.notifications = notifications;
    this.alertEngine = alerts;
    this.config = config;
    this.relayId = relayId;
    this.relayVersion = relayVersion;
    this.codec = codec;
    this.clock = config.clock();
    this.settings = settings;
    this.auth = new Authenticator(tokens.registry());
    this.fleet =
        new Fleet(
            codec,
            alerts,
            settings,
            clock,
            config.staleAfter(),
            this::requestFlush,
            relayId,
            config.replayBufferBytes(),
            this::slowConsumer,
            config.heartbeatInterval().toNanos() * MAX_BEHIND_HEARTBEATS,
            config.heartbeatInterval().toNanos() * COMMAND_TIMEOUT_HEARTBEATS,
            notifications == null ? AlertTransitions.NONE : notifications,
            history);
    Duration timeout = config.heartbeatInterval().multipliedBy(Protocol.HEARTBEAT_TIMEOUT_FACTOR);
    this.heartbeatTimeoutNanos = timeout.toNanos();
    this.heartbeatIntervalNanos = config.heartbeatInterval().toNanos();
    this.acknowledgeIntervalNanos = heartbeatIntervalNanos * ACKNOWLEDGE_EVERY_HEARTBEATS;
    this.heartbeatSilence = "no message for " + ValueFormat.duration(timeout);
    ScheduledThreadPoolExecutor core =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vigil-relay-core");
              t.setDaemon(true);
              return t;
            });
    // On shutdown, pending delayed work (close grace timers, hello timeouts) is moot: drop it.
    core.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    core.setRemoveOnCancelPolicy(true);
    this.executor = core;
    this.inbox = new CoreInbox(core, INBOX_COALESCE_NANOS);
    this.upstream =
        config.upstream() == null
            ? null
            : new UpstreamForwarder(
                config.upstream(),
                codec,
                new CoreThread() {
                  @Override
                  public void run(Runnable task) {
                    submit(task);
                  }

                  @Override
                  public void runLater(Runnable task, long delayMs) {
                    submitLater(task, delayMs);
                  }
                },
                new Downstream(),
                heartbeatIntervalNanos);
  }

  /** Starts the heartbeat and maintenance timers. */
  public void start() {
    long heartbeatMs = config.heartbeatInterval().toMillis();
    executor.scheduleAtFixedRate(
        guarded(this::heartbeat), heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
    executor.scheduleAtFixedRate(
        guarded(fleet::tick), MAINTENANCE_TICK_MS, MAINTENANCE_TICK_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * In upstream mode, closes every link to the central relay with 1001 (going away) and forwards no
   * more; waits briefly for the core thread to do it. Call before closing the agents' connections,
   * so their closes are not forwarded as agents that stopped. Does nothing otherwise.
   */
  public void stopForwarding() throws InterruptedException {
    if (upstream == null) {
      return;
    }
    try {
      executor.submit(guarded(upstream::close)).get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      log.warn("Could not close the links to the central relay: {}", e.toString());
    }
  }

  /** Stops the core thread, waiting briefly for queued work, then writes the alert settings. */
  public void shutdown() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      executor.shutdownNow();
    }
    settings.close();
    tokens.close();
    alertEngine.forget(); // the core thread has stopped: the book can be read from here
  }

  // ---- transport callbacks (transport threads): hand off only ----

  @Override
  public void onOpen(PeerLink link) {
    long now = System.nanoTime();
    submit(() -> opened(link, now));
  }

  @Override
  public void onMessage(PeerLink link, Envelope envelope) {
    long now = System.nanoTime();
    submit(() -> received(link, envelope.body(), envelope.seq(), now));
  }

  @Override
  public void onRejected(PeerLink link, int closeCode, String reason) {
    submit(
        () -> {
          Peer peer = peers.get(link);
          if (peer != null) {
            reject(peer, closeCode, reason);
          }
        });
  }

  @Override
  public void onPeerCloseFrame(PeerLink link, int code) {
    submit(
        () -> {
          Peer peer = peers.get(link);
          if (peer != null) {
            peer.peerCloseCode = code;
          }
        });
  }

  @Override
  public void onClosed(PeerLink link, int code, String reason, boolean byPeer) {
    submit(
        () -> {
          Peer peer = peers.get(link);
          if (code == CloseCodes.ABNORMAL && peer != null && peer.peerCloseCode == null) {
            submitLater(() -> closed(link, code, reason), CLOSE_CODE_SETTLE_MS);
          } else {
            closed(link, code, reason);
          }
        });
  }

  // ---- queries (any thread) ----

  @Override
  public NotificationStats notificationStats() {
    return notifications == null ? NotificationStats.NONE : notifications.stats();
  }

  @Override
  public CompletableFuture<RelayCounts> counts() {
    return query(
        () -> {
          int agents = 0;
          for (Peer p : peers.values()) {
            if (p.role == Role.AGENT && !p.closing) {
              agents++;
            }
          }
          return new RelayCounts(agents, fleet.dashboardCount(), fleet.hostCount());
        });
  }

  @Override
  public CompletableFuture<List<HostSnapshot>> hosts() {
    return query(fleet::hostSnapshots);
  }

  @Override
  public CompletableFuture<List<Alert>> alerts() {
    return query(fleet::alerts);
  }

  // ---- core thread ----

  private void opened(PeerLink link, long nowNanos) {
    Peer peer = new Peer(link, "s" + ++sessions, nowNanos);
    peers.put(link, peer);
    peer.helloTimeout =
        executor.schedule(
            guarded(
                () -> {
                  if (!peer.accepted() && peers.get(link) == peer) {
                    reject(
                        peer,
                        CloseCodes.HELLO_REQUIRED,
                        "no hello within " + ValueFormat.duration(config.helloTimeout()));
                  }
                }),
            config.helloTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private void received(PeerLink link, Message message, long seq, long nowNanos) {
    Peer peer = peers.get(link);
    if (peer == null || peer.closing) {
      return;
    }
    peer.lastInboundNanos = nowNanos;
    if (!peer.accepted()) {
      handshake(peer, message);
      return;
    }
    if (!RolePolicy.allows(peer.role, message.type())) {
      reject(
          peer,
          CloseCodes.ROLE_VIOLATION,
          "a " + roleName(peer.role) + " may not send '" + message.type().wireName() + "'");
      return;
    }
    if (peer.role == Role.DASHBOARD && refused(peer, message)) {
      return;
    }
    HostRecord host = peer.role == Role.AGENT ? fleet.heardFrom(peer) : null;
    if (message instanceof Goodbye bye) {
      log.info("{} said goodbye: {}", peer, bye.reason());
      peer.byeReason = bye.reason();
      closePeer(peer, CloseCodes.NORMAL, "goodbye", stoppedReason(bye.reason()));
    } else if (message instanceof Ping ping) {
      link.send(codec.encode(new Pong(ping.nonce(), ping.sentAtMs())));
    } else if (message instanceof Acknowledge ack) {
      fleet.acknowledge(link, peer.name, ack);
    } else if (message instanceof Command command) {
      fleet.command(link, command);
    } else if (message instanceof RulePut put) {
      fleet.putRule(link, peer.name, put);
    } else if (message instanceof RuleDelete delete) {
      fleet.deleteRule(link, peer.name, delete);
    } else if (message instanceof SilencePut put) {
      fleet.putSilence(link, peer.name, put);
    } else if (message instanceof SilenceDelete delete) {
      fleet.deleteSilence(link, peer.name, delete);
    } else if (message instanceof TokenCreate create) {
      createToken(peer, create);
    } else if (message instanceof TokenRevoke revoke) {
      revokeToken(peer, revoke);
    } else if (message instanceof Result result && host != null) {
      fleet.commandResult(host, result);
    } else if (host != null && !(message instanceof Pong)) {
      agentMessage(peer, host, message, seq, nowNanos);
    }
  }

  /**
   * Answers a request the dashboard's operator role may not make with a failed result, keeping the
   * link open; true when refused.
   */
  private boolean refused(Peer peer, Message message) {
    String refusal = RolePolicy.refusal(peer.operatorRole, message.type());
    if (refusal == null) {
      return false;
    }
    log.info("Refused {} from {} '{}': {}", message.type().wireName(), peer, peer.name, refusal);
    fleet.refuse(peer.link, requestIdOf(message), refusal);
    return true;
  }

  private static String requestIdOf(Message message) {
    if (message instanceof Acknowledge m) {
      return m.requestId();
    } else if (message instanceof Command m) {
      return m.requestId();
    } else if (message instanceof RulePut m) {
      return m.requestId();
    } else if (message instanceof RuleDelete m) {
      return m.requestId();
    } else if (message instanceof SilencePut m) {
      return m.requestId();
    } else if (message instanceof SilenceDelete m) {
      return m.requestId();
    } else if (message instanceof TokenCreate m) {
      return m.requestId();
    } else if (message instanceof TokenRevoke m) {
      return m.requestId();
    }
    throw new IllegalArgumentException("not a request: " + message.type());
  }

  /**
   * An admin's token.create: on success the secret goes to that admin alone, then the result, then
   * the new list to every admin dashboard.
   */
  private void createToken(Peer admin, TokenCreate create) {
    TokenAdmin.Outcome outcome = tokens.create(create, admin.name, clock.millis());
    if (outcome instanceof TokenAdmin.Outcome.Created created) {
      fleet.reply(
          admin.link, new TokenCreated(create.requestId(), created.token(), created.secret()));
      fleet.reply(admin.link, Result.success(create.requestId()));
      pushTokens();
    } else {
      refuseToken(admin, create, outcome);
    }
  }

  /**
   * An admin's token.revoke: on success the result, then every connection authenticated with the
   * token is closed (4001, saying it was revoked), and the new list goes to the admin dashboards
   * left.
   */
  private void revokeToken(Peer admin, TokenRevoke revoke) {
    TokenAdmin.Outcome outcome = tokens.revoke(revoke.tokenId(), admin.name, clock.millis());
    if (!(outcome instanceof TokenAdmin.Outcome.Revoked revoked)) {
      refuseToken(admin, revoke, outcome);
      return;
    }
    fleet.reply(admin.link, Result.success(revoke.requestId()));
    String reason = "token '" + revoked.token().name() + "' was revoked by " + admin.name;
    for (Peer p : new ArrayList<>(peers.values())) {
      if (!p.closing && revoked.token().id().equals(p.tokenId)) {
        reject(p, CloseCodes.UNAUTHORIZED, reason);
      }
    }
    pushTokens();
  }

  private void refuseToken(Peer admin, Message request, TokenAdmin.Outcome outcome) {
    String error = ((TokenAdmin.Outcome.Refused) outcome).error();
    log.info("Refused {} from {} '{}': {}", request.type().wireName(), admin, admin.name, error);
    fleet.refuse(admin.link, requestIdOf(request), error);
  }

  /** Sends the token list to every admin dashboard (and to no one else: it is theirs alone). */
  private void pushTokens() {
    TokenList list = null;
    for (Peer p : peers.values()) {
      if (isAdminDashboard(p)) {
        if (list == null) {
          list = tokens.list();
        }
        fleet.reply(p.link, list);
      }
    }
  }

  private static boolean isAdminDashboard(Peer p) {
    return p.accepted()
        && !p.closing
        && p.role == Role.DASHBOARD
        && p.operatorRole == OperatorRole.ADMIN;
  }

  private void handshake(Peer peer, Message message) {
    if (!(message instanceof Hello hello)) {
      reject(
          peer,
          CloseCodes.HELLO_REQUIRED,
          "the first message must be 'hello', got '" + message.type().wireName() + "'");
      return;
    }
    Authenticator.Outcome outcome = auth.authenticate(hello);
    if (outcome instanceof Authenticator.Outcome.Rejected rejected) {
      reject(peer, rejected.closeCode(), rejected.reason());
      return;
    }
    Authenticator.Outcome.Accepted accepted = (Authenticator.Outcome.Accepted) outcome;
    peer.helloTimeout.cancel(false);
    peer.role = accepted.role();
    peer.peerId = hello.peerId();
    peer.name = accepted.name();
    peer.operatorRole = accepted.operatorRole();
    peer.tokenId = accepted.tokenId();
    if (peer.role == Role.AGENT) {
      Peer previous = fleet.agentConnected(peer, hello);
      long held = fleet.heardFromQuietly(peer).stream.join(hello.streamEpoch());
      if (upstream != null) {
        // Tell the agent only what central holds: it keeps the rest on disk for a site restart.
        upstream.agentJoined(hello);
        held = upstream.heldByCentral(hello.peerId(), hello.streamEpoch(), held);
      }
      peer.link.send(
          codec.encode(
              new Welcome(
                  relayId,
                  peer.sessionId,
                  config.heartbeatInterval().toMillis(),
                  clock.millis(),
                  relayVersion,
                  hello.streamEpoch() == null ? null : held,
                  null,
                  null)));
      if (previous != null && previous != peer) {
        closePeer(
            previous,
            CloseCodes.REPLACED,
            "replaced by a newer connection for host '" + hello.peerId() + "'",
            null);
      }
    } else {
      peer.link.send(
          codec.encode(
              Welcome.forDashboard(
                  relayId,
                  peer.sessionId,
                  config.heartbeatInterval().toMillis(),
                  clock.millis(),
                  relayVersion,
                  fleet.dashboardStreamEpoch(),
                  fleet.dashboardResumes(hello),
                  peer.operatorRole.wireName())));
      fleet.dashboardJoined(peer.link, hello);
      if (isAdminDashboard(peer)) {
        fleet.reply(peer.link, tokens.list());
      }
    }
    log.info("Accepted {} '{}'", peer, peer.name);
    peer.link.welcomed(peer.role, peer.name);
  }

  private void agentMessage(Peer agent, HostRecord host, Message message, long seq, long nowNanos) {
    String hostId = hostIdOf(message);
    if (!agent.peerId.equals(hostId)) {
      reject(
          agent,
          CloseCodes.INVALID_FIELD,
          "hostId '"
              + hostId
              + "' in "
              + message.type().wireName()
              + " does not match this agent's host id '"
              + agent.peerId
              + "'");
      return;
    }
    if (message instanceof Sample || message instanceof DeviceEvent) {
      if (!host.stream.admit(seq, nowNanos)) {
        log.debug("{}: dropping duplicate #{}", agent, seq);
        return;
      }
      if (upstream == null && host.stream.acknowledgementDue(nowNanos, acknowledgeIntervalNanos)) {
        agent.link.send(codec.encode(host.stream.acknowledge()));
      }
    }
    if (upstream != null) {
      upstream.forward(host.hostId(), seq, message);
    }
    if (message instanceof Sample sample) {
      fleet.onSample(host, sample);
    } else if (message instanceof SensorCatalog catalog) {
      fleet.onCatalog(host, catalog);
    } else if (message instanceof Inventory inventory) {
      fleet.onInventory(host, inventory);
    } else if (message instanceof DeviceEvent event) {
      fleet.onEvent(host, event);
    }
  }

  private static String hostIdOf(Message message) {
    if (message instanceof Sample m) {
      return m.hostId();
    } else if (message instanceof SensorCatalog m) {
      return m.hostId();
    } else if (message instanceof Inventory m) {
      return m.hostId();
    } else if (message instanceof DeviceEvent m) {
      return m.hostId();
    }
    throw new IllegalArgumentException("not an agent data message: " + message.type());
  }

  /**
   * Queues a flush of the dashboards' batch behind the work already queued, and no sooner than the
   * hub's flush spacing after the last one: what the core handles meanwhile goes out in the same
   * write per dashboard. A message that finds the last flush older than that goes out at once, so a
   * quiet relay adds no delay.
   */
  private void requestFlush() {
    if (flushQueued) {
      return;
    }
    flushQueued = true;
    long waitNanos = lastFlushNanos + fleet.flushSpacingNanos() - System.nanoTime();
    if (waitNanos <= 0) {
      submitRaw(flushTask);
    } else {
      try {
        executor.schedule(flushTask, waitNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        log.debug("Relay core stopped; dropping a flush");
      }
    }
  }

  private void flush() {
    flushQueued = false;
    lastFlushNanos = System.nanoTime();
    fleet.flushDashboards();
  }

  private void heartbeat() {
    fleet.tickDashboards();
    long now = System.nanoTime();
    if (upstream != null) {
      upstream.heartbeat(now);
    }
    String ping = null;
    for (Peer peer : new ArrayList<>(peers.values())) {
      if (!peer.accepted() || peer.closing) {
        continue;
      }
      if (now - peer.lastInboundNanos > heartbeatTimeoutNanos) {
        log.info("Closing {}: {}", peer, heartbeatSilence);
        closePeer(
            peer, CloseCodes.HEARTBEAT_TIMEOUT, heartbeatSilence, "link lost: " + heartbeatSilence);
        continue;
      }
      if (peer.role == Role.AGENT && upstream == null) {
        // Streams that went quiet: the ones still sending are acknowledged as they send.
        HostRecord host = fleet.heardFromQuietly(peer);
        if (host != null && host.stream.acknowledgementDue(now, acknowledgeIntervalNanos)) {
          peer.link.send(codec.encode(host.stream.acknowledge()));
        }
      }
      if (now - peer.lastInboundNanos < heartbeatIntervalNanos) {
        continue; // heard from within the interval: alive, no ping needed
      }
      if (ping == null) {
        ping = codec.encode(new Ping(++pingNonce, clock.millis()));
      }
      peer.link.send(ping);
    }
  }

  /** A dashboard too slow even for coalescing: told why and closed; it resumes on reconnect. */
  private void slowConsumer(PeerLink link, String reason) {
    Peer peer = peers.get(link);
    if (peer != null) {
      reject(peer, CloseCodes.SLOW_CONSUMER, reason);
    }
  }

  /** Tells the peer why (ErrorNotice), then closes it with {@code code}. */
  private void reject(Peer peer, int code, String reason) {
    if (peer.closing) {
      return;
    }
    log.info("Closing {} with {}: {}", peer, code, reason);
    peer.link.send(codec.encode(new ErrorNotice(code, reason)));
    closePeer(peer, code, reason, "disconnected by relay: " + reason);
  }

  /**
   * Closes a peer and detaches it from relay state at once; drops the socket if the peer does not
   * answer the close in time.
   *
   * @param hostReason the offline reason for an agent's host; null to leave the host alone
   */
  private void closePeer(Peer peer, int code, String reason, String hostReason) {
    if (peer.closing) {
      return;
    }
    peer.closing = true;
    if (peer.helloTimeout != null) {
      peer.helloTimeout.cancel(false);
    }
    peer.link.close(code, reason);
    detach(peer, hostReason);
    submitLater(
        () -> {
          if (peers.get(peer.link) == peer) {
            peer.link.abort(code, reason);
          }
        },
        CLOSE_GRACE.toMillis());
  }

  private void closed(PeerLink link, int code, String reason) {
    Peer peer = peers.remove(link);
    if (peer == null) {
      return;
    }
    if (peer.helloTimeout != null) {
      peer.helloTimeout.cancel(false);
    }
    if (!peer.closing) {
      peer.closing = true;
      detach(peer, offlineReason(peer.peerCloseCode != null ? peer.peerCloseCode : code));
      log.info("{} closed with {} {}", peer, code, reason);
    }
  }

  private void detach(Peer peer, String hostReason) {
    if (peer.role == Role.AGENT && hostReason != null) {
      if (fleet.agentDisconnected(peer, hostReason) && upstream != null) {
        boolean stopped = hostReason.startsWith(AGENT_STOPPED);
        upstream.agentLeft(peer.peerId, stopped, stopped ? peer.byeReason : hostReason);
      }
    } else if (peer.role == Role.DASHBOARD) {
      fleet.dashboardLeft(peer.link);
    }
  }

  /** The site relay's side of upstream mode: acknowledgements and commands from central. */
  private final class Downstream implements UpstreamForwarder.Downstream {
    @Override
    public void acknowledged(String hostId, Received received) {
      PeerLink agent = fleet.agentLink(hostId);
      if (agent != null) {
        agent.send(codec.encode(received));
      }
    }

    @Override
    public void command(PeerLink from, Command command) {
      fleet.command(from, command);
    }

    @Override
    public void linkClosed(PeerLink upstreamLink) {
      fleet.forgetCommandsFrom(upstreamLink);
    }
  }

  /** The offline reason of an agent that said goodbye, with its own words if it gave any. */
  static String stoppedReason(String byeReason) {
    return byeReason == null || byeReason.isBlank()
        ? AGENT_STOPPED
        : AGENT_STOPPED + " (" + byeReason + ")";
  }

  /** Agent down (closed normally) versus link down (dropped). */
  static String offlineReason(int closeCode) {
    if (closeCode == CloseCodes.NORMAL || closeCode == CloseCodes.GOING_AWAY) {
      return AGENT_STOPPED;
    }
    return "connection dropped (close code " + closeCode + ")";
  }

  private static String roleName(Role role) {
    return role == Role.AGENT ? "agent" : "dashboard";
  }

  private <T> CompletableFuture<T> query(Supplier<T> supplier) {
    try {
      return CompletableFuture.supplyAsync(supplier, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Hands a transport event to the core thread, in order with the other transport events. */
  private void submit(Runnable task) {
    inbox.offer(guarded(task));
  }

  private void submitRaw(Runnable guardedTask) {
    try {
      executor.execute(guardedTask);
    } catch (RejectedExecutionException e) {
      log.debug("Relay core stopped; dropping a transport event");
    }
  }

  private void submitLater(Runnable task, long delayMs) {
    try {
      executor.schedule(guarded(task), delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("Relay core stopped; dropping a delayed transport event");
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("Relay core task failed; the relay carries on", e);
      }
    };
  }
}
