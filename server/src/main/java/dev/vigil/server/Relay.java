package dev.vigil.server;

import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.alert.AlertBook;
import dev.vigil.server.alert.AlertEngine;
import dev.vigil.server.alert.AlertMemory;
import dev.vigil.server.alert.AlertSettings;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.config.TokenStore;
import dev.vigil.server.history.HistoryException;
import dev.vigil.server.history.HistorySink;
import dev.vigil.server.history.HistoryWriter;
import dev.vigil.server.history.SqliteHistoryStore;
import dev.vigil.server.http.HistoryAccess;
import dev.vigil.server.http.HttpApi;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.link.RelayWebSocketServer;
import dev.vigil.server.notify.NotificationChannels;
import dev.vigil.server.notify.NotificationDispatcher;
import dev.vigil.server.notify.NotificationJson;
import dev.vigil.server.notify.PendingNotifications;
import dev.vigil.server.notify.RetryPolicy;
import dev.vigil.server.relay.RelayCore;
import dev.vigil.server.token.TokenAdmin;
import dev.vigil.server.token.TokenRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable relay: WebSocket server, core and HTTP side (which also carries the HTTP link
 * transport), plus the links it dials itself (to listening peers, and to a central relay in
 * upstream mode), and the embedded history. {@link #start} returns once both sockets listen; {@link
 * #close} closes every peer and every dialled link with 1001, writes what history is queued
 * (waiting at most {@link HistoryWriter#CLOSE_TIMEOUT_MS}) and stops.
 */
public final class Relay implements AutoCloseable {
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** How long {@link #close} waits for peers to answer the close, in milliseconds. */
  public static final int STOP_TIMEOUT_MS = 1_000;

  private static final int RELAY_ID_BYTES = 4;
  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  private final RelayConfig config;
  private final String relayId;
  private final RelayCore core;
  private final RelayWebSocketServer webSocket;
  private final HttpApi http;
  private final ReverseLinks reverse;
  private final NotificationDispatcher notifications;

  /** Null when history is disabled. */
  private final HistoryWriter history;

  private Relay(
      RelayConfig config,
      String relayId,
      RelayCore core,
      RelayWebSocketServer webSocket,
      HttpApi http,
      ReverseLinks reverse,
      NotificationDispatcher notifications,
      HistoryWriter history) {
    this.notifications = notifications;
    this.config = config;
    this.relayId = relayId;
    this.core = core;
    this.webSocket = webSocket;
    this.http = http;
    this.reverse = reverse;
    this.history = history;
  }

  /** Held from start to the end of {@link #close}; set by {@link #start} once started. */
  private DataDirLock dataDirLock;

  /** Opens the history store and starts its writer; null when history is disabled. */
  private static HistoryWriter openHistory(RelayConfig config, MessageCodec codec)
      throws IOException {
    if (!config.history().enabled()) {
      return null;
    }
    SqliteHistoryStore store;
    try {
      store = SqliteHistoryStore.open(config.historyPath());
    } catch (HistoryException e) {
      throw new IOException(e.getMessage(), e);
    }
    return new HistoryWriter(
            store,
            codec,
            config.history().rawRetention(),
            config.history().rollupRetention(),
            config.clock())
        .start();
  }

  private static void closeHistory(HistoryWriter history) {
    if (history != null) {
      history.close();
    }
  }

  /**
   * Starts a relay and returns once it listens.
   *
   * @throws IOException when a port cannot be bound (the message names it) or tokens cannot be
   *     stored
   */
  public static Relay start(RelayConfig config) throws IOException, InterruptedException {
    DataDirLock lock = DataDirLock.acquire(config.dataDir());
    try {
      Relay relay = startHolding(config);
      relay.dataDirLock = lock;
      return relay;
    } catch (IOException | InterruptedException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static Relay startHolding(RelayConfig config) throws IOException, InterruptedException {
    RelayConfig effective = TokenStore.ensureTokens(config);
    byte[] id = new byte[RELAY_ID_BYTES];
    new SecureRandom().nextBytes(id);
    String relayId = HexFormat.of().formatHex(id);
    MessageCodec codec = MessageCodec.forInbound();
    AlertEngine alerts = new AlertEngine(List.of(), new AlertBook(relayId), effective.clock());
    AlertMemory alertMemory = new AlertMemory(effective.dataDir());
    alerts.remember(alertMemory);
    AlertSettings settings =
        new AlertSettings(
            alerts,
            effective.defaultRuleDefinitions(),
            effective.hardwareRules(),
            effective.dataDir(),
            effective.clock());
    NotificationDispatcher notifications =
        effective.notifications().isEmpty()
            ? null
            : new NotificationDispatcher(
                NotificationChannels.of(effective.notifications()),
                new NotificationJson(codec),
                relayId,
                effective.clock(),
                RetryPolicy.DEFAULT,
                NotificationDispatcher.MAX_QUEUED);
    if (notifications != null) {
      PendingNotifications pending = new PendingNotifications(effective.dataDir());
      notifications.keepUnfinishedIn(pending);
      notifications.resume(pending.load());
    }
    TokenRegistry tokens =
        TokenRegistry.of(
            effective.agentTokens(), effective.operatorTokens(), effective.operatorRoles());
    TokenAdmin tokenAdmin = TokenAdmin.open(tokens, effective.dataDir());
    HistoryWriter history = openHistory(effective, codec);
    RelayCore core =
        new RelayCore(
            effective,
            relayId,
            RelayVersion.VERSION,
            codec,
            alerts,
            settings,
            notifications,
            history == null ? HistorySink.NONE : history,
            tokenAdmin);
    core.start();
    RelayWebSocketServer webSocket =
        new RelayWebSocketServer(
            new InetSocketAddress(effective.bindAddress(), effective.port()), codec, core);
    try {
      webSocket.startListening();
    } catch (IOException | InterruptedException e) {
      core.shutdown();
      stop(notifications);
      closeHistory(history);
      throw e;
    }
    HttpApi http;
    try {
      http =
          HttpApi.start(
              new InetSocketAddress(effective.bindAddress(), effective.httpPort()),
              core,
              new Authenticator(tokens),
              RelayVersion.VERSION,
              codec,
              core,
              history == null
                  ? null
                  : new HistoryAccess(
                      history.store(),
                      history,
                      effective.history().rawRetention(),
                      effective.clock()),
              effective.metricsRequireToken());
    } catch (IOException e) {
      webSocket.stop(STOP_TIMEOUT_MS);
      core.shutdown();
      stop(notifications);
      closeHistory(history);
      throw e;
    }
    ReverseLinks reverse = ReverseLinks.start(effective.dialPeers(), codec, core);
    Relay relay =
        new Relay(effective, relayId, core, webSocket, http, reverse, notifications, history);
    log.info(
        "Relay {} {} listening: WebSocket port {}, HTTP port {}",
        relayId,
        RelayVersion.VERSION,
        relay.port(),
        relay.httpPort());
    return relay;
  }

  /** The bound WebSocket port. */
  public int port() {
    return webSocket.getPort();
  }

  /** The bound HTTP port. */
  public int httpPort() {
    return http.port();
  }

  /** The config in effect, including generated tokens. */
  public RelayConfig config() {
    return config;
  }

  /** This relay run's id, as sent in every Welcome. */
  public String relayId() {
    return relayId;
  }

  /** Closes every peer with 1001 (going away) and stops. Closing again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      // Upstream links first: the agents' closes that follow are then not forwarded as drops.
      core.stopForwarding();
      http.close();
      reverse.close();
      webSocket.stop(STOP_TIMEOUT_MS, "relay shutting down");
      core.shutdown();
      stop(notifications);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // After the core: nothing is offered any more, so the writer flushes everything it got.
    closeHistory(history);
    try {
      dataDirLock.close();
    } catch (IOException e) {
      log.warn("Releasing the data directory lock failed: {}", e.toString());
    }
    log.info("Relay {} stopped", relayId);
  }

  /**
   * Stops notifying, waiting up to {@link #STOP_TIMEOUT_MS} for attempts under way, and keeps what
   * is undelivered for the next start.
   */
  private static void stop(NotificationDispatcher notifications) throws InterruptedException {
    if (notifications != null) {
      notifications.close(STOP_TIMEOUT_MS);
    }
  }
}
