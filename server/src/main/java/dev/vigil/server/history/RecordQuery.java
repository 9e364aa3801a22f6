package dev.vigil.server.history;

/**
 * A query for events or alert transitions, newest first.
 *
 * @param hostId only this host; null for all
 * @param kind only events of this kind (wire name); null for all; ignored for transitions
 * @param fromMs not before this, inclusive
 * @param toMs not after this, inclusive
 * @param limit at most this many
 */
public record RecordQuery(String hostId, String kind, long fromMs, long toMs, int limit) {}
