package dev.vigil.protocol;

/**
 * Who acknowledged an alert, and when.
 *
 * @param by operator name
 * @param atMs when, epoch milliseconds (relay clock)
 * @param comment what the operator wrote; may be empty
 * @param expiresAtMs when it ends (relay clock); absent when it does not
 */
public record Acknowledgement(
    String by, long atMs, @OptionalField String comment, @OptionalField Long expiresAtMs) {

  /** An acknowledgement that does not expire. */
  public Acknowledgement(String by, long atMs, String comment) {
    this(by, atMs, comment, null);
  }
}
