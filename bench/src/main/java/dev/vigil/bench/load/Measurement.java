package dev.vigil.bench.load;

import dev.vigil.bench.payload.Stamp;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Everything counted about one cell's measured window: what each agent sent whose scheduled time
 * falls inside it, what each dashboard received of those (latency, first deliveries, duplicates),
 * and what the load generator itself added (send lag). Latency is receive time minus
 * <em>scheduled</em> send time, so time an overloaded harness spends behind schedule is included
 * (no coordinated omission). Not thread-safe: the engine thread owns it; read it after the engine
 * has stopped.
 */
public final class Measurement {
  /** Highest latency the histograms track, in microseconds; larger values are clamped. */
  public static final long HIGHEST_TRACKABLE_US = 300_000_000L;

  /** Significant decimal digits of every histogram value. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private final int agents;
  private final DeliveryLedger ledger;
  private final Histogram latencyUs = new Histogram(HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
  private final Histogram sendLagUs = new Histogram(HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
  private final long[] windowFirstSeq;
  private final long[] windowLastSeq;
  private final long[] windowSent;
  private long windowStartUs = Long.MAX_VALUE;
  private long windowEndUs = Long.MIN_VALUE;
  private long sentInWindow;
  private long sentTotal;
  private long notConnectedAtSlot;
  private long droppedAtSender;
  private long duplicates;
  private long outOfRange;
  private long earlier;
  private long clamped;
  private long unstampedMessages;
  private long oversizedMessages;

  /** Counts a cell's messages, sequence numbers 1 to {@code maxSeq}. */
  public Measurement(int agents, int dashboards, long maxSeq) {
    this(agents, dashboards, 1, maxSeq);
  }

  /**
   * Counts the messages {@code firstSeq..maxSeq} of every agent (one capacity step); deliveries of
   * earlier messages are counted apart, as late arrivals of the step before.
   */
  public Measurement(int agents, int dashboards, long firstSeq, long maxSeq) {
    this.agents = agents;
    this.ledger = new DeliveryLedger(agents, dashboards, firstSeq, maxSeq);
    this.windowFirstSeq = new long[agents];
    this.windowLastSeq = new long[agents];
    this.windowSent = new long[agents];
    Arrays.fill(windowFirstSeq, Long.MAX_VALUE);
  }

  /** Sets the measured window: scheduled send times in {@code [startUs, endUs)}. */
  public void window(long startUs, long endUs) {
    if (endUs <= startUs) {
      throw new IllegalArgumentException("empty window: " + startUs + ".." + endUs);
    }
    this.windowStartUs = startUs;
    this.windowEndUs = endUs;
  }

  /** True when a message scheduled at {@code scheduledUs} belongs to the measured window. */
  public boolean inWindow(long scheduledUs) {
    return scheduledUs >= windowStartUs && scheduledUs < windowEndUs;
  }

  /** Agent {@code agent} sent message {@code seq}, {@code lagUs} after its scheduled time. */
  public void onSent(int agent, long seq, long scheduledUs, long lagUs) {
    sentTotal++;
    if (!inWindow(scheduledUs)) {
      return;
    }
    sentInWindow++;
    windowSent[agent]++;
    windowFirstSeq[agent] = Math.min(windowFirstSeq[agent], seq);
    windowLastSeq[agent] = Math.max(windowLastSeq[agent], seq);
    record(sendLagUs, lagUs);
  }

  /** A slot came due for an agent that is not connected (never was, or was closed). */
  public void onNotConnected() {
    notConnectedAtSlot++;
  }

  /** The agent's outbound backlog was full: the sample was not sent. */
  public void onDroppedAtSender() {
    droppedAtSender++;
  }

  /** A delivery to {@code dashboard} at {@code receivedUs} of the message stamped {@code stamp}. */
  public void onDelivery(int dashboard, Stamp stamp, long receivedUs) {
    switch (ledger.record(dashboard, stamp.agent, stamp.seq)) {
      case FIRST -> {
        if (inWindow(stamp.scheduledUs)) {
          record(latencyUs, receivedUs - stamp.scheduledUs);
        }
      }
      case DUPLICATE -> {
        if (inWindow(stamp.scheduledUs)) {
          duplicates++;
        }
      }
      case EARLIER -> earlier++;
      case OUT_OF_RANGE -> outOfRange++;
    }
  }

  /** A message without sample stamps (host status, catalog, snapshot, ...). */
  public void onUnstamped() {
    unstampedMessages++;
  }

  /** A message above the decoder's size limit was skipped unread (e.g. a big snapshot). */
  public void onOversized() {
    oversizedMessages++;
  }

  private void record(Histogram histogram, long valueUs) {
    long value = Math.max(0, valueUs);
    if (value > HIGHEST_TRACKABLE_US) {
      clamped++;
      value = HIGHEST_TRACKABLE_US;
    }
    histogram.recordValue(value);
  }

  /** Sums up the window: expected deliveries are each sent sample times the dashboards. */
  public Tally tally(int dashboards) {
    long expected = 0;
    long received = 0;
    for (int a = 0; a < agents; a++) {
      if (windowSent[a] == 0) {
        continue;
      }
      expected += windowSent[a] * dashboards;
      received += ledger.receivedByAll(a, windowFirstSeq[a], windowLastSeq[a]);
    }
    return new Tally(
        sentInWindow,
        sentTotal,
        expected,
        received,
        expected - received,
        duplicates,
        notConnectedAtSlot,
        droppedAtSender,
        outOfRange,
        earlier,
        clamped,
        unstampedMessages,
        oversizedMessages,
        latencyUs.copy(),
        sendLagUs.copy());
  }

  /**
   * The counts of one window.
   *
   * @param sentInWindow samples sent whose scheduled time is in the window
   * @param sentTotal samples sent over the whole run (settle, window, drain)
   * @param expectedDeliveries sentInWindow summed per agent times the dashboards
   * @param deliveredInWindow first deliveries of window samples, by the end of the drain
   * @param lost expected minus delivered
   * @param duplicates deliveries of a window sample a dashboard already had
   * @param notConnectedAtSlot slots due for an agent that was not connected
   * @param droppedAtSender samples not sent because the agent's backlog was full
   * @param outOfRange deliveries the ledger cannot place (not from this run)
   * @param earlierDeliveries deliveries of messages older than the ledger (the step before's)
   * @param clamped latencies above {@link #HIGHEST_TRACKABLE_US}, recorded as that
   * @param unstampedMessages messages without stamps
   * @param oversizedMessages messages skipped for size
   * @param latencyUs receive minus scheduled time of each first window delivery
   * @param sendLagUs actual minus scheduled send time of each window send
   */
  public record Tally(
      long sentInWindow,
      long sentTotal,
      long expectedDeliveries,
      long deliveredInWindow,
      long lost,
      long duplicates,
      long notConnectedAtSlot,
      long droppedAtSender,
      long outOfRange,
      long earlierDeliveries,
      long clamped,
      long unstampedMessages,
      long oversizedMessages,
      Histogram latencyUs,
      Histogram sendLagUs) {}
}
