package dev.vigil.server.history;

/**
 * One sensor value at full rate.
 *
 * @param timestampMs when the agent read it
 * @param value the value, in the sensor's unit
 */
public record RawPoint(long timestampMs, double value) {}
