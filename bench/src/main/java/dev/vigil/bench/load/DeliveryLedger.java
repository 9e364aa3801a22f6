package dev.vigil.bench.load;

/**
 * Which sequence numbers of which agent each dashboard has received: one bit per (dashboard, agent,
 * seq), so duplicates are seen and losses counted exactly. Sequence numbers run from {@code
 * firstSeq} (1 for a cell) to {@code maxSeq}. Not thread-safe: the engine thread owns it.
 */
public final class DeliveryLedger {
  /** What {@link #record} found. */
  public enum Outcome {
    /** First delivery of this message to this dashboard. */
    FIRST,
    /** This dashboard had it already. */
    DUPLICATE,
    /** A message sent before this ledger's first sequence number (an earlier capacity step). */
    EARLIER,
    /** Agent, dashboard or seq outside the ledger: cannot be a message of this run. */
    OUT_OF_RANGE
  }

  private final int agents;
  private final int dashboards;
  private final long firstSeq;
  private final long maxSeq;
  private final int wordsPerAgent;
  private final long[][] bits;

  /** A ledger of sequence numbers 1 to {@code maxSeq}. */
  public DeliveryLedger(int agents, int dashboards, long maxSeq) {
    this(agents, dashboards, 1, maxSeq);
  }

  /** A ledger of sequence numbers {@code firstSeq} to {@code maxSeq}. */
  public DeliveryLedger(int agents, int dashboards, long firstSeq, long maxSeq) {
    if (agents <= 0 || dashboards <= 0 || firstSeq <= 0 || maxSeq < firstSeq) {
      throw new IllegalArgumentException(
          "agents, dashboards and firstSeq must be positive, maxSeq at least firstSeq: "
              + agents
              + ", "
              + dashboards
              + ", "
              + firstSeq
              + ", "
              + maxSeq);
    }
    this.agents = agents;
    this.dashboards = dashboards;
    this.firstSeq = firstSeq;
    this.maxSeq = maxSeq;
    this.wordsPerAgent = (int) ((maxSeq - firstSeq + 64) / 64);
    this.bits = new long[dashboards][];
    for (int d = 0; d < dashboards; d++) {
      bits[d] = new long[Math.multiplyExact(agents, wordsPerAgent)];
    }
  }

  /** Largest sequence number the ledger holds. */
  public long maxSeq() {
    return maxSeq;
  }

  /** Notes that {@code dashboard} received message {@code seq} of {@code agent}. */
  public Outcome record(int dashboard, int agent, long seq) {
    if (dashboard < 0 || dashboard >= dashboards || agent < 0 || agent >= agents || seq < 1) {
      return Outcome.OUT_OF_RANGE;
    }
    if (seq < firstSeq) {
      return Outcome.EARLIER;
    }
    if (seq > maxSeq) {
      return Outcome.OUT_OF_RANGE;
    }
    long bit = seq - firstSeq;
    int word = agent * wordsPerAgent + (int) (bit >>> 6);
    long mask = 1L << (bit & 63);
    long[] row = bits[dashboard];
    if ((row[word] & mask) != 0) {
      return Outcome.DUPLICATE;
    }
    row[word] |= mask;
    return Outcome.FIRST;
  }

  /**
   * How many of {@code agent}'s messages {@code fromSeq..toSeq} (inclusive) {@code dashboard} has.
   */
  public long received(int dashboard, int agent, long fromSeq, long toSeq) {
    long from = Math.max(firstSeq, fromSeq);
    long to = Math.min(maxSeq, toSeq);
    long count = 0;
    long[] row = bits[dashboard];
    int base = agent * wordsPerAgent;
    for (long seq = from; seq <= to; ) {
      long bit = seq - firstSeq;
      int word = base + (int) (bit >>> 6);
      int low = (int) (bit & 63);
      int high = (int) Math.min(63, low + (to - seq));
      long mask = (high == 63 ? -1L : (1L << (high + 1)) - 1) & (-1L << low);
      count += Long.bitCount(row[word] & mask);
      seq += high - low + 1;
    }
    return count;
  }

  /** {@link #received} summed over every dashboard. */
  public long receivedByAll(int agent, long fromSeq, long toSeq) {
    long total = 0;
    for (int d = 0; d < dashboards; d++) {
      total += received(d, agent, fromSeq, toSeq);
    }
    return total;
  }
}
