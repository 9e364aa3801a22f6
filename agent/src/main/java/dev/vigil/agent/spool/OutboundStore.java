package dev.vigil.agent.spool;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The agent's store-and-forward buffer: every numbered message (samples and events) goes in before
 * it is sent, and stays until the relay acknowledges it, so an outage of the relay or the network
 * loses nothing. Messages are numbered 1, 2, 3, … within an epoch; a new epoch means the buffer was
 * lost and numbering started again. Thread-safe.
 */
public interface OutboundStore extends AutoCloseable {

  /** This stream's epoch, declared to the relay in the hello. */
  String epoch();

  /**
   * Numbers and stores one message.
   *
   * @param encode turns the message's sequence number into its wire text
   * @return the sequence number given
   */
  long append(LongFunction<String> encode);

  /**
   * Up to {@code maxCount} stored messages numbered above {@code afterSeq}, oldest first, stopping
   * early past {@code maxBytes} of text (at least one message is returned when any is there).
   */
  List<Entry> readAfter(long afterSeq, int maxCount, int maxBytes);

  /** The relay holds everything up to {@code upToSeq}: it may be dropped. Never goes backwards. */
  void acknowledge(long upToSeq);

  /** Highest sequence number given so far (0 when none). */
  long lastSeq();

  /** Highest sequence number the relay acknowledged (0 when none). */
  long acknowledgedSeq();

  /** Messages stored and not yet acknowledged. */
  long pendingCount();

  /** Unacknowledged messages dropped because the buffer was full, since it was opened. */
  long droppedCount();

  /** Makes what was appended durable (fsync); appends already survive a crash of the process. */
  void sync();

  @Override
  void close();

  /** One stored message: its number and its wire text. */
  record Entry(long seq, String text) {}
}
