package dev.vigil.server.relay;

/**
 * Connection counts for health checks.
 *
 * @param agentsConnected agents whose hello was accepted and that are still connected
 * @param dashboardsConnected dashboards whose hello was accepted and that are still connected
 * @param hostsKnown every host the relay knows, online or not
 */
public record RelayCounts(int agentsConnected, int dashboardsConnected, int hostsKnown) {}
