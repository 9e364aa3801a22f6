package dev.vigil.server.history;

/**
 * A finished (or partial, merged on write) minute of one sensor of one host, ready to store.
 *
 * @param hostId the host
 * @param sensorId the sensor
 * @param point the minute's aggregate
 */
public record Rollup(String hostId, String sensorId, RollupPoint point) {}
