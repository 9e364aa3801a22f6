package dev.vigil.ui.state;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Gap;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.TokenCreated;
import dev.vigil.protocol.TokenInfo;
import dev.vigil.protocol.TokenList;
import dev.vigil.ui.connection.ConnectionStatus;
import dev.vigil.ui.connection.RelayEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's picture of the fleet: hosts by id, alerts by id, recent device events and the
 * link state. Fed in batches by the {@link dev.vigil.ui.connection.InboundPump}; after each batch
 * tells every {@link StateListener} what changed. Confined to the UI thread.
 */
public final class DashboardState {
  /** Device events kept for the timeline. */
  public static final int EVENT_HISTORY_LIMIT = 500;

  /** Gaps in the live stream kept for the timeline. */
  public static final int GAP_HISTORY_LIMIT = 100;

  /** How long a resolved alert stays listed, in milliseconds. */
  public static final long RESOLVED_ALERT_RETENTION_MS = 60 * 60 * 1000L;

  private static final Logger LOG = LoggerFactory.getLogger(DashboardState.class);

  private final Clock clock;
  private final Map<String, HostModel> hosts = new LinkedHashMap<>();
  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  private final Deque<DeviceEvent> events = new ArrayDeque<>();
  private final Deque<StreamGap> gaps = new ArrayDeque<>();
  private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
  private ConnectionStatus connection = ConnectionStatus.disconnected();
  private long roundTripMs = -1;
  private long lastUpdateMs;
  private boolean snapshotReceived;
  private OperatorPermissions permissions = OperatorPermissions.UNKNOWN;
  private List<dev.vigil.protocol.Silence> silences = List.of();
  private List<dev.vigil.protocol.RuleDefinition> rules = List.of();
  private List<TokenInfo> tokens = List.of();
  private List<dev.vigil.protocol.RevokedTokenInfo> revokedTokens = List.of();

  /**
   * @param clock the dashboard's clock, for "last update" times
   */
  public DashboardState(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers a listener told after every batch. */
  public void addListener(StateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Every known host, in the order the relay listed them. */
  public Collection<HostModel> hosts() {
    return Collections.unmodifiableCollection(hosts.values());
  }

  /** One host, if known. */
  public Optional<HostModel> host(String hostId) {
    return Optional.ofNullable(hosts.get(hostId));
  }

  /**
   * The host with this id; failing that, the first host (in the relay's order) with this name,
   * exactly, then ignoring case.
   */
  public Optional<HostModel> findHost(String idOrName) {
    HostModel byId = hosts.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    Optional<HostModel> exact =
        hosts.values().stream().filter(h -> h.status().name().equals(idOrName)).findFirst();
    return exact.isPresent()
        ? exact
        : hosts.values().stream()
            .filter(h -> h.status().name().equalsIgnoreCase(idOrName))
            .findFirst();
  }

  /** Every alert: pending, firing and recently resolved. */
  public Collection<Alert> alerts() {
    return Collections.unmodifiableCollection(alerts.values());
  }

  /** Recent device events across all hosts, newest first. */
  public List<DeviceEvent> events() {
    return List.copyOf(events);
  }

  /** Gaps in the live stream this dashboard could not fill, newest first. */
  public List<StreamGap> gaps() {
    return List.copyOf(gaps);
  }

  /** What the operator's role allows, as the relay's welcome said. */
  public OperatorPermissions permissions() {
    return permissions;
  }

  /** The relay's silences in force. */
  public List<dev.vigil.protocol.Silence> silences() {
    return silences;
  }

  /** The relay's alert rules. */
  public List<dev.vigil.protocol.RuleDefinition> rules() {
    return rules;
  }

  /** The relay's tokens, without secrets; empty unless the operator is an admin. */
  public List<TokenInfo> tokens() {
    return tokens;
  }

  /** The tokens admins revoked, newest first; empty unless the operator is an admin. */
  public List<dev.vigil.protocol.RevokedTokenInfo> revokedTokens() {
    return revokedTokens;
  }

  /** The state of the relay link. */
  public ConnectionStatus connection() {
    return connection;
  }

  /** The latest round-trip time to the relay, if one was measured on the current link. */
  public OptionalLong roundTripMs() {
    return roundTripMs < 0 ? OptionalLong.empty() : OptionalLong.of(roundTripMs);
  }

  /** When the last message from the relay arrived, epoch milliseconds; 0 before any. */
  public long lastUpdateMs() {
    return lastUpdateMs;
  }

  /**
   * True once a snapshot from the relay arrived: only then does "not in the store" mean "unknown to
   * the relay" rather than "not heard of yet".
   */
  public boolean hasSnapshot() {
    return snapshotReceived;
  }

  /** Applies a batch of relay events in order, then tells the listeners once. */
  public void apply(List<RelayEvent> batch) {
    Batch changes = new Batch();
    for (RelayEvent event : batch) {
      if (event instanceof RelayEvent.Received received) {
        long previousMs = lastUpdateMs;
        lastUpdateMs = clock.millis();
        if (received.message() instanceof Gap gap) {
          addGap(new StreamGap(previousMs, lastUpdateMs, gap.missedMessages(), gap.reason()));
          changes.resynced = true;
        } else {
          applyMessage(received.message(), changes);
        }
      } else if (event instanceof RelayEvent.StatusChanged statusChanged) {
        connection = statusChanged.status();
        if (!connection.isLive()) {
          roundTripMs = -1;
        }
        changes.connectionChanged = true;
      } else if (event instanceof RelayEvent.RoundTrip roundTrip) {
        roundTripMs = roundTrip.roundTripMs();
        changes.connectionChanged = true;
      }
    }
    if (pruneResolvedAlerts()) {
      changes.alertsChanged = true;
    }
    Changes done = changes.build();
    for (StateListener listener : listeners) {
      listener.stateChanged(done);
    }
  }

  private void applyMessage(Message message, Batch changes) {
    if (message instanceof dev.vigil.protocol.Welcome welcome) {
      permissions = new OperatorPermissions(welcome.role());
      changes.connectionChanged = true;
      if (!permissions.canManageTokens() && !(tokens.isEmpty() && revokedTokens.isEmpty())) {
        tokens = List.of(); // another relay, or another token: not this operator's to see
        revokedTokens = List.of();
        changes.tokensChanged = true;
      }
    } else if (message instanceof TokenList list) {
      tokens = List.copyOf(list.tokens());
      revokedTokens = List.copyOf(list.revoked());
      changes.tokensChanged = true;
    } else if (message instanceof TokenCreated created) {
      changes.createdTokens.add(created);
    } else if (message instanceof dev.vigil.protocol.SilenceList list) {
      silences = List.copyOf(list.silences());
      changes.alertsChanged = true;
    } else if (message instanceof dev.vigil.protocol.RuleList list) {
      rules = List.copyOf(list.rules());
      changes.alertsChanged = true;
    } else if (message instanceof Snapshot snapshot) {
      applySnapshot(snapshot);
      silences = snapshot.silences();
      rules = snapshot.rules();
      snapshotReceived = true;
      changes.resynced = true;
      changes.hostSetChanged = true;
      changes.alertsChanged = true;
    } else if (message instanceof HostStatus status) {
      HostModel host = hosts.get(status.hostId());
      if (host == null) {
        hosts.put(status.hostId(), new HostModel(status));
        changes.hostSetChanged = true;
      } else {
        host.applyStatus(status);
      }
      changes.hosts.add(status.hostId());
    } else if (message instanceof SensorCatalog catalog) {
      hostFor(catalog.hostId(), changes).applyCatalog(catalog);
      changes.hosts.add(catalog.hostId());
    } else if (message instanceof Sample sample) {
      hostFor(sample.hostId(), changes).applySample(sample);
      changes.hosts.add(sample.hostId());
    } else if (message instanceof Inventory inventory) {
      hostFor(inventory.hostId(), changes).applyInventory(inventory);
      changes.hosts.add(inventory.hostId());
    } else if (message instanceof DeviceEvent event) {
      addEvent(event);
      hostFor(event.hostId(), changes).applyEvent(event);
      changes.hosts.add(event.hostId());
      changes.events.add(event);
    } else if (message instanceof Alert alert) {
      alerts.put(alert.id(), alert);
      changes.alertsChanged = true;
      changes.alertUpdates.add(alert);
    } else if (message instanceof Result result) {
      changes.results.add(result);
    } else {
      LOG.debug("ignoring {} from the relay", message.type().wireName());
    }
  }

  private void addGap(StreamGap gap) {
    LOG.warn("gap in the live stream: {}", gap.reason());
    gaps.addFirst(gap);
    while (gaps.size() > GAP_HISTORY_LIMIT) {
      gaps.removeLast();
    }
  }

  private void applySnapshot(Snapshot snapshot) {
    Map<String, HostModel> previous = new LinkedHashMap<>(hosts);
    hosts.clear();
    for (HostSnapshot hs : snapshot.hosts()) {
      HostModel host = previous.get(hs.status().hostId());
      if (host == null) {
        host = new HostModel(hs.status());
      } else {
        host.applyStatus(hs.status());
      }
      if (hs.catalog() != null) {
        host.applyCatalog(hs.catalog());
      }
      if (hs.latest() != null) {
        host.applySample(hs.latest());
      }
      if (hs.inventory() != null) {
        host.applyInventory(hs.inventory());
      }
      hosts.put(host.hostId(), host);
    }
    alerts.clear();
    for (Alert alert : snapshot.alerts()) {
      alerts.put(alert.id(), alert);
    }
    events.clear();
    for (DeviceEvent event : snapshot.recentEvents()) {
      addEvent(event);
    }
  }

  /** The host a message names; a placeholder if its status has not arrived yet. */
  private HostModel hostFor(String hostId, Batch changes) {
    HostModel host = hosts.get(hostId);
    if (host == null) {
      LOG.debug("data for host {} before its status; listing it as online", hostId);
      host =
          new HostModel(
              new HostStatus(
                  hostId, hostId, HostState.ONLINE, clock.millis(), Map.of(), false, null, null));
      hosts.put(hostId, host);
      changes.hostSetChanged = true;
    }
    return host;
  }

  private void addEvent(DeviceEvent event) {
    events.addFirst(event);
    while (events.size() > EVENT_HISTORY_LIMIT) {
      events.removeLast();
    }
  }

  private boolean pruneResolvedAlerts() {
    long cutoffMs = clock.millis() - RESOLVED_ALERT_RETENTION_MS;
    return alerts
        .values()
        .removeIf(
            a ->
                a.state() == AlertState.RESOLVED
                    && a.resolvedAtMs() != null
                    && a.resolvedAtMs() < cutoffMs);
  }

  /** Mutable collector for one batch's {@link Changes}. */
  private static final class Batch {
    boolean resynced;
    final Set<String> hosts = new HashSet<>();
    boolean hostSetChanged;
    boolean alertsChanged;
    final List<Alert> alertUpdates = new ArrayList<>();
    final List<DeviceEvent> events = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    boolean connectionChanged;
    boolean tokensChanged;
    final List<TokenCreated> createdTokens = new ArrayList<>();

    Changes build() {
      return new Changes(
          resynced,
          hosts,
          hostSetChanged,
          alertsChanged,
          alertUpdates,
          events,
          results,
          connectionChanged,
          tokensChanged,
          createdTokens);
    }
  }
}
