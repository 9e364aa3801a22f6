package dev.vigil.protocol;

/**
 * What {@link MessageCodec#decode} returns: a decoded envelope or a precise failure; never throws.
 */
public sealed interface DecodeResult {

  /** A message that decoded and validated. */
  record Decoded(Envelope envelope) implements DecodeResult {}

  /**
   * A message that did not decode.
   *
   * @param error which kind of failure
   * @param detail precise human reason, naming the field where there is one
   */
  record Failed(DecodeError error, String detail) implements DecodeResult {
    /** The close code that reports this failure. */
    public int closeCode() {
      return CloseCodes.forDecodeError(error);
    }
  }
}
