package dev.vigil.bench.load;

/**
 * Connection progress of a {@link LoadEngine} at one moment.
 *
 * @param agentsReady agents past their application handshake and still connected
 * @param dashboardsReady dashboards past their application handshake and still connected
 * @param failedBeforeReady connections that ended before becoming ready
 * @param closedAfterReady connections that ended after becoming ready
 */
public record ConnectionCounts(
    int agentsReady, int dashboardsReady, int failedBeforeReady, int closedAfterReady) {}
