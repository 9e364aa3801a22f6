package dev.vigil.server.relay;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.RuleDelete;
import dev.vigil.protocol.RuleList;
import dev.vigil.protocol.RulePut;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SilenceDelete;
import dev.vigil.protocol.SilenceList;
import dev.vigil.protocol.SilencePut;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.alert.AckOutcome;
import dev.vigil.server.alert.AlertEngine;
import dev.vigil.server.alert.AlertSettings;
import dev.vigil.server.alert.ValueFormat;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.history.HistorySink;
import dev.vigil.server.history.SampleRow;
import dev.vigil.server.link.PeerLink;
import dev.vigil.server.notify.AlertChange;
import dev.vigil.server.notify.AlertTransitions;
import dev.vigil.server.notify.Transition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every host, recent events and alerts, and pushing every change to dashboards the
 * moment it happens. Owned by the core thread; not thread-safe.
 */
final class Fleet {
  private final AlertEngine alerts;
  private final AlertSettings settings;
  private final Clock clock;
  private final Duration staleAfter;
  private final Map<String, HostRecord> hosts = new LinkedHashMap<>();
  private final EventRing events = new EventRing();
  private final DashboardHub dashboards;
  private final CommandRouter commands;
  private final AlertTransitions notifications;
  private final HistorySink history;

  /**
   * @param flushRequest called when dashboards have messages waiting; the owner then calls {@link
   *     #flushDashboards()} once the work already queued has run
   * @param streamEpoch the epoch of the dashboard stream
   * @param replayBufferBytes bytes of recent dashboard messages kept for dashboards that resume
   * @param slowConsumer told of a dashboard too slow even for coalescing, with the reason
   * @param maxBehindNanos longest a dashboard may stay behind before it is a slow consumer
   * @param commandTimeoutNanos how long an agent has to answer a command
   * @param notifications told of every alert change broadcast; must not block
   * @param history records samples, events and alert changes (offers only, never blocks)
   */
  Fleet(
      MessageCodec codec,
      AlertEngine alerts,
      AlertSettings settings,
      Clock clock,
      Duration staleAfter,
      Runnable flushRequest,
      String streamEpoch,
      int replayBufferBytes,
      java.util.function.BiConsumer<PeerLink, String> slowConsumer,
      long maxBehindNanos,
      long commandTimeoutNanos,
      AlertTransitions notifications,
      HistorySink history) {
    this.alerts = alerts;
    this.settings = settings;
    this.notifications = notifications;
    this.history = history;
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.dashboards =
        new DashboardHub(
            codec, flushRequest, streamEpoch, replayBufferBytes, slowConsumer, maxBehindNanos);
    this.commands = new CommandRouter(codec, dashboards::reply, commandTimeoutNanos);
  }

  /** Registers an accepted agent; returns the connection it replaces, or null. */
  Peer agentConnected(Peer peer, Hello hello) {
    HostRecord host = hosts.computeIfAbsent(hello.peerId(), HostRecord::new);
    Peer previous = host.agent;
    host.connected(hello, peer, clock.millis());
    host.setSampleIntervalMs(hello.sampleIntervalMs());
    boolean changed = host.setState(HostState.ONLINE, null);
    dashboards.broadcast(host.status());
    if (changed) {
      push(alerts.onHostState(host));
    }
    return previous;
  }

  /**
   * The agent connection {@code peer} is gone; its host goes offline unless replaced. Returns true
   * when the host went offline.
   */
  boolean agentDisconnected(Peer peer, String reason) {
    HostRecord host = hosts.get(peer.peerId);
    if (host == null || host.agent != peer) {
      return false;
    }
    host.agent = null;
    setState(host, HostState.OFFLINE, reason);
    return true;
  }

  /** The link of the agent connected for {@code hostId}, or null. */
  PeerLink agentLink(String hostId) {
    HostRecord host = hosts.get(hostId);
    return host == null || host.agent == null ? null : host.agent.link;
  }

  /** Forgets the commands {@code link} (a dashboard or an upstream relay) waits answers for. */
  void forgetCommandsFrom(PeerLink link) {
    commands.dashboardLeft(link);
  }

  /** The host an accepted agent speaks for; records that the relay just heard from it. */
  HostRecord heardFrom(Peer agent) {
    HostRecord host = hosts.get(agent.peerId);
    if (host != null && host.agent == agent) {
      host.seen(clock.millis());
      return host;
    }
    return null;
  }

  /** The host an accepted agent speaks for, without counting it as heard from; or null. */
  HostRecord heardFromQuietly(Peer agent) {
    HostRecord host = hosts.get(agent.peerId);
    return host != null && host.agent == agent ? host : null;
  }

  void onCatalog(HostRecord host, SensorCatalog catalog) {
    host.catalog(catalog);
    dashboards.broadcast(catalog);
  }

  void onSample(HostRecord host, Sample sample) {
    SampleRow row = host.sample(sample, clock.millis(), history.records());
    dashboards.broadcast(sample);
    if (row != null) {
      history.sample(row);
    }
    if (host.state() == HostState.STALE) {
      setState(host, HostState.ONLINE, null);
    }
    push(alerts.onSample(host, sample));
  }

  void onInventory(HostRecord host, Inventory inventory) {
    host.inventory(inventory);
    dashboards.broadcast(inventory);
    push(alerts.onInventory(host, inventory));
  }

  void onEvent(HostRecord host, DeviceEvent event) {
    events.add(event);
    host.inventory(InventoryUpdate.apply(host.inventory(), event));
    dashboards.broadcast(event);
    history.event(event);
    push(alerts.onEvent(host, event));
  }

  /** Acknowledges for the operator {@code operator}; answers {@code from} with a result. */
  void acknowledge(PeerLink from, String operator, Acknowledge ack) {
    AckOutcome outcome =
        alerts.acknowledge(ack.alertId(), operator, ack.comment(), ack.expiresAtMs());
    if (outcome.ok()) {
      alertChanged(outcome.alert());
      notifications.offer(new AlertChange(outcome.alert(), Transition.ACKNOWLEDGED));
      dashboards.reply(from, Result.success(ack.requestId()));
    } else {
      dashboards.reply(from, Result.failure(ack.requestId(), outcome.error()));
    }
  }

  /** Answers a refused request. */
  void refuse(PeerLink from, String requestId, String error) {
    dashboards.reply(from, Result.failure(requestId, error));
  }

  /**
   * Sends {@code message} to one dashboard only, unnumbered (never replayed to another), after
   * everything broadcast before it.
   */
  void reply(PeerLink to, Message message) {
    dashboards.reply(to, message);
  }

  /** An admin's rule put, for {@code operator}; answers {@code from} with a result. */
  void putRule(PeerLink from, String operator, RulePut put) {
    apply(from, put.requestId(), settings.putRule(put.rule(), operator));
  }

  /** An admin's rule delete, for {@code operator}; answers {@code from} with a result. */
  void deleteRule(PeerLink from, String operator, RuleDelete delete) {
    apply(from, delete.requestId(), settings.deleteRule(delete.ruleId(), operator));
  }

  /** An operator's silence put; answers {@code from} with a result. */
  void putSilence(PeerLink from, String operator, SilencePut put) {
    apply(from, put.requestId(), settings.putSilence(put.silence(), operator));
  }

  /** An operator's silence delete; answers {@code from} with a result. */
  void deleteSilence(PeerLink from, String operator, SilenceDelete delete) {
    apply(from, delete.requestId(), settings.deleteSilence(delete.silenceId(), operator));
  }

  /** Pushes what a settings change changed (lists first, then alerts) and answers the request. */
  private void apply(PeerLink from, String requestId, AlertSettings.Change change) {
    if (!change.ok()) {
      dashboards.reply(from, Result.failure(requestId, change.error()));
      return;
    }
    pushSettings(change);
    dashboards.reply(from, Result.success(requestId));
  }

  private void pushSettings(AlertSettings.Change change) {
    if (change.rulesChanged()) {
      dashboards.broadcast(new RuleList(settings.rules()));
    }
    if (change.silencesChanged()) {
      dashboards.broadcast(new SilenceList(settings.silences()));
    }
    push(change.alerts());
  }

  /** True when the dashboard saying {@code hello} resumes its stream by replay alone. */
  boolean dashboardResumes(Hello hello) {
    return dashboards.canResume(hello);
  }

  /** The dashboard stream's epoch. */
  String dashboardStreamEpoch() {
    return dashboards.epoch();
  }

  /**
   * Brings a new dashboard up to date (what it missed, or a gap and a snapshot), then adds it to
   * the live fan-out.
   */
  void dashboardJoined(PeerLink link, Hello hello) {
    dashboards.join(link, hello, this::snapshot);
  }

  /** Least time between two flushes to the dashboards; see {@link DashboardHub}. */
  long flushSpacingNanos() {
    return dashboards.flushSpacingNanos();
  }

  /** Sends what is waiting for the dashboards. */
  void flushDashboards() {
    dashboards.flush();
  }

  /** Serves dashboards that are behind, also when nothing new is broadcast. */
  void tickDashboards() {
    dashboards.tick();
  }

  void dashboardLeft(PeerLink link) {
    dashboards.remove(link);
    commands.dashboardLeft(link);
  }

  /** A dashboard's command: forwarded to the host's agent, or answered at once. */
  void command(PeerLink from, Command command) {
    HostRecord host = hosts.get(command.hostId());
    commands.command(from, command, host, System.nanoTime());
  }

  /**
   * An agent's result: back to the dashboard that asked. A new sampling interval also moves the
   * host's stale threshold, so a slower host is not reported stale.
   */
  void commandResult(HostRecord host, Result result) {
    Command answered = commands.result(host.hostId(), result);
    if (answered == null) {
      return;
    }
    if (result.ok() && answered.action() == CommandAction.SET_SAMPLE_INTERVAL) {
      host.setSampleIntervalMs(answered.intervalMs());
    }
  }

  /** Marks hosts without recent samples stale and fires alerts whose duration has passed. */
  void tick() {
    long now = clock.millis();
    for (HostRecord host : hosts.values()) {
      long staleAfterMs =
          Math.max(staleAfter.toMillis(), host.sampleIntervalMs() * RelayConfig.STALE_FACTOR);
      if (host.state() == HostState.ONLINE && now - host.lastSampleMs() >= staleAfterMs) {
        setState(
            host,
            HostState.STALE,
            "no sample for " + ValueFormat.duration(Duration.ofMillis(staleAfterMs)));
      }
    }
    commands.expire(
        System.nanoTime(),
        hostId -> {
          HostRecord h = hosts.get(hostId);
          return h != null && h.agent != null;
        });
    pushSettings(settings.tick());
    push(alerts.tick());
  }

  Snapshot snapshot() {
    return new Snapshot(
        clock.millis(),
        hostSnapshots(),
        alerts.alerts(),
        events.list(),
        settings.rules(),
        settings.silences());
  }

  List<HostSnapshot> hostSnapshots() {
    List<HostSnapshot> list = new ArrayList<>(hosts.size());
    for (HostRecord host : hosts.values()) {
      list.add(host.snapshot());
    }
    return list;
  }

  List<Alert> alerts() {
    return alerts.alerts();
  }

  int dashboardCount() {
    return dashboards.size();
  }

  int hostCount() {
    return hosts.size();
  }

  private void setState(HostRecord host, HostState state, String reason) {
    if (host.setState(state, reason)) {
      dashboards.broadcast(host.status());
      push(alerts.onHostState(host));
    }
  }

  private void push(List<Alert> changed) {
    for (Alert alert : changed) {
      alertChanged(alert);
      notifications.offer(alert);
    }
  }

  /** Every alert change the relay broadcasts passes here, and is recorded. */
  private void alertChanged(Alert alert) {
    dashboards.broadcast(alert);
    history.alertChanged(alert, clock.millis());
  }
}
