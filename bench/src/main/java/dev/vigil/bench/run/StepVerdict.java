package dev.vigil.bench.run;

/**
 * What one capacity step showed about the server.
 *
 * @param kind the verdict
 * @param reason why, in a few words (empty when sustained without remarks)
 */
public record StepVerdict(Kind kind, String reason) {
  /** The three outcomes of a step. */
  public enum Kind {
    /** Every delivery scheduled in the window arrived by the end of the drain, p99 in bound. */
    SUSTAINED,
    /** The server lost deliveries, fell behind (p99 over the bound) or pushed back. */
    NOT_SUSTAINED,
    /**
     * The step failed while the harness was saturated or behind schedule: the load generator, not
     * the server, may be the limit, so the step says nothing about the server.
     */
    HARNESS_BOUND
  }
}
