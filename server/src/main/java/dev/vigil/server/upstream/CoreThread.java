package dev.vigil.server.upstream;

/** Runs work on the relay's core thread, which owns the {@link UpstreamForwarder}. */
public interface CoreThread {
  /** Queues {@code task} behind the core's other work; callable from any thread. */
  void run(Runnable task);

  /** Runs {@code task} on the core thread after {@code delayMs}. */
  void runLater(Runnable task, long delayMs);
}
