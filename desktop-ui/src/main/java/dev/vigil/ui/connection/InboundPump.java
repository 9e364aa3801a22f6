package dev.vigil.ui.connection;

import dev.vigil.protocol.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries relay events from the network threads to the UI thread in batches. Network threads only
 * append to a buffer; at most one drain is pending on the UI executor at a time, and it hands the
 * whole buffer over in one batch. Live samples for the same host coalesce to the newest while they
 * wait; every other event is kept, in order. Thread-safe.
 */
public final class InboundPump implements RelayListener {
  private final Executor uiExecutor;
  private final Consumer<List<RelayEvent>> batchSink;
  private final Object lock = new Object();

  // Guarded by lock. Coalesced samples leave a null behind, skipped on drain.
  private ArrayList<RelayEvent> pending = new ArrayList<>();
  private final Map<String, Integer> pendingSampleSlot = new HashMap<>();
  private boolean drainScheduled;
  private long coalescedSamples;

  /**
   * @param uiExecutor runs the drain on the UI thread ({@code Platform::runLater} in the app)
   * @param batchSink receives each batch on the UI thread, oldest event first
   */
  public InboundPump(Executor uiExecutor, Consumer<List<RelayEvent>> batchSink) {
    this.uiExecutor = Objects.requireNonNull(uiExecutor, "uiExecutor");
    this.batchSink = Objects.requireNonNull(batchSink, "batchSink");
  }

  @Override
  public void onRelayEvent(RelayEvent event) {
    boolean schedule;
    synchronized (lock) {
      if (event instanceof RelayEvent.Received received
          && received.message() instanceof Sample sample) {
        Integer older = pendingSampleSlot.put(sample.hostId(), pending.size());
        if (older != null) {
          pending.set(older, null);
          coalescedSamples++;
        }
      }
      pending.add(event);
      schedule = !drainScheduled;
      drainScheduled = true;
    }
    if (schedule) {
      uiExecutor.execute(this::drain);
    }
  }

  /** Hands everything buffered to the sink; runs on the UI thread. */
  void drain() {
    List<RelayEvent> batch;
    synchronized (lock) {
      batch = pending;
      pending = new ArrayList<>();
      pendingSampleSlot.clear();
      drainScheduled = false;
    }
    batch.removeIf(Objects::isNull);
    if (!batch.isEmpty()) {
      batchSink.accept(batch);
    }
  }

  /** How many samples were replaced by a newer one for the same host before the UI saw them. */
  public long coalescedSamples() {
    synchronized (lock) {
      return coalescedSamples;
    }
  }
}
