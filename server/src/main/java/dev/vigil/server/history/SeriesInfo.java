package dev.vigil.server.history;

/**
 * A series the store holds data for.
 *
 * @param sensorId the sensor
 * @param firstMs the oldest data held (a raw sample, or the start of a minute)
 * @param lastMs the newest data held (a raw sample, or the start of a minute)
 */
public record SeriesInfo(String sensorId, long firstMs, long lastMs) {}
