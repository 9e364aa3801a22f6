package dev.vigil.server.http;

import dev.vigil.server.history.HistoryStats;
import dev.vigil.server.history.HistoryStore;
import java.time.Clock;
import java.time.Duration;

/**
 * What the HTTP side needs of the history.
 *
 * @param store read from on the HTTP threads
 * @param stats the writer's counters, for health and metrics
 * @param rawRetention how long raw samples are kept, for choosing a resolution
 * @param clock "now" for default ranges
 */
public record HistoryAccess(
    HistoryStore store, HistoryStats stats, Duration rawRetention, Clock clock) {}
