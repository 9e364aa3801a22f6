package dev.vigil.server.alert;

import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Sample;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates every detector on every sample, event, inventory and host state change, and returns the
 * alerts that changed, to be pushed at once. Sample values reach {@link SensorDetector}s through
 * per-host {@link SensorRoutes}, so a quiet sample does little work. Times come from the injected
 * {@link Clock}. Not thread-safe: the relay's core thread owns it.
 */
public final class AlertEngine {
  private List<AlertDetector> detectors;
  private final AlertBook book;
  private final Clock clock;
  private final List<Observation> scratch = new ArrayList<>();
  private final ObservationSink sink;
  private SensorRoutes routes;
  private SampleBatch batch;
  private AlertMemory memory;
  private long revision;

  public AlertEngine(List<AlertDetector> detectors, AlertBook book, Clock clock) {
    this.book = book;
    this.clock = clock;
    this.sink = new ObservationSink(book);
    useDetectors(detectors);
  }

  /**
   * Runs {@code newDetectors} from now on (the rules changed); open alerts stay in the book. Call
   * {@link #resolveRule} for rules that went away or changed.
   */
  public void useDetectors(List<AlertDetector> newDetectors) {
    this.detectors = List.copyOf(newDetectors);
    this.routes = new SensorRoutes(this.detectors);
    this.batch = new SampleBatch(this.detectors.size());
  }

  /** Resolves the open alerts of {@code ruleId} in the name of {@code by}; returns them. */
  public List<Alert> resolveRule(String ruleId, String by) {
    List<Alert> changes = new ArrayList<>();
    book.resolveRule(ruleId, clock.millis(), by, changes);
    return noteChanges(changes);
  }

  /** Sets what decides whether an alert is silenced. */
  public void silencer(AlertBook.Silencer silencer) {
    book.silencer(silencer);
  }

  /** Open alerts whose silenced mark changed (silences put, deleted or expired by {@code by}). */
  public List<Alert> restamp(String by) {
    List<Alert> changes = new ArrayList<>();
    book.restamp(clock.millis(), by, changes);
    return noteChanges(changes);
  }

  /** Alerts changed by a new sample. */
  public List<Alert> onSample(AlertHost host, Sample sample) {
    List<Alert> changes = new ArrayList<>();
    sink.begin(host.hostId(), clock.millis(), changes);
    routes.route(host, sample, batch);
    for (int i = 0; i < detectors.size(); i++) {
      AlertDetector d = detectors.get(i);
      if (d instanceof SensorDetector) {
        batch.judge(i, host, sink);
      } else {
        d.onSample(host, sample, scratch);
        drainScratch();
      }
    }
    return noteChanges(changes);
  }

  /** Alerts changed by a hot-plug event. */
  public List<Alert> onEvent(AlertHost host, DeviceEvent event) {
    for (AlertDetector d : detectors) {
      d.onEvent(host, event, scratch);
    }
    return noteChanges(applyScratch(host, new ArrayList<>()));
  }

  /** Alerts changed by a full inventory. */
  public List<Alert> onInventory(AlertHost host, Inventory inventory) {
    for (AlertDetector d : detectors) {
      d.onInventory(host, inventory, scratch);
    }
    return noteChanges(applyScratch(host, new ArrayList<>()));
  }

  /** Alerts changed by the host's new liveness. */
  public List<Alert> onHostState(AlertHost host) {
    List<Alert> changes = new ArrayList<>();
    if (host.state() != HostState.ONLINE) {
      book.dropPendingSensorAlerts(host.hostId(), clock.millis(), changes);
    }
    for (AlertDetector d : detectors) {
      d.onHostState(host, scratch);
    }
    return noteChanges(applyScratch(host, changes));
  }

  /** Alerts whose minimum duration has now passed; also keeps the alerts in memory, if any. */
  public List<Alert> tick() {
    List<Alert> changes = new ArrayList<>();
    long now = clock.millis();
    book.tick(now, changes);
    noteChanges(changes);
    if (memory != null) {
      memory.saveIfChanged(revision, book, now, false);
    }
    return changes;
  }

  /**
   * Keeps alerts across restarts in {@code memory}: takes back what the previous run kept, and
   * saves changes from now on. Call before the first observation.
   */
  public void remember(AlertMemory alertMemory) {
    this.memory = alertMemory;
    AlertMemory.Kept kept = alertMemory.load();
    book.restore(kept.alerts(), kept.flapTimes(), clock.millis());
  }

  /** Saves the alerts one last time, whatever the interval, and stops keeping them. */
  public void forget() throws InterruptedException {
    AlertMemory m = memory;
    if (m == null) {
      return;
    }
    memory = null;
    m.saveIfChanged(revision, book, clock.millis(), true);
    m.close();
  }

  private List<Alert> noteChanges(List<Alert> changes) {
    if (!changes.isEmpty()) {
      revision++;
    }
    return changes;
  }

  /** Acknowledges an alert in the name of {@code operator}, for good. */
  public AckOutcome acknowledge(String alertId, String operator, String comment) {
    return acknowledge(alertId, operator, comment, null);
  }

  /**
   * Acknowledges an alert in the name of {@code operator} until {@code expiresAtMs} (relay clock;
   * {@code null} for good); an expiry that is not in the future is refused.
   */
  public AckOutcome acknowledge(String alertId, String operator, String comment, Long expiresAtMs) {
    long now = clock.millis();
    if (expiresAtMs != null && expiresAtMs <= now) {
      return AckOutcome.failed(
          "expiresAtMs " + expiresAtMs + " is not in the future (relay time " + now + ")");
    }
    AckOutcome outcome =
        book.acknowledge(
            alertId,
            new Acknowledgement(operator, now, comment == null ? "" : comment, expiresAtMs));
    if (outcome.ok()) {
      revision++;
    }
    return outcome;
  }

  /** Every pending and firing alert and the recently resolved ones. */
  public List<Alert> alerts() {
    return book.alerts();
  }

  private List<Alert> applyScratch(AlertHost host, List<Alert> changes) {
    sink.begin(host.hostId(), clock.millis(), changes);
    drainScratch();
    return changes;
  }

  private void drainScratch() {
    for (Observation o : scratch) {
      sink.add(o);
    }
    scratch.clear();
  }
}
