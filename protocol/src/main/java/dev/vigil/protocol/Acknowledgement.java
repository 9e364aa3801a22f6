package dev.vigil.protocol;

/**
 * Who acknowledged an alert, and when.
 *
 * @param by operator name
 * @param atMs when, epoch milliseconds (relay clock)
 * @param comment what the operator wrote; may be empty
 */
public record Acknowledgement(String by, long atMs, @OptionalField String comment) {}
