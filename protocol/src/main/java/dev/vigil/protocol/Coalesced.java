package dev.vigil.protocol;

/**
 * Relay → dashboard: the dashboard fell behind, so the relay thinned what it missed. Of the samples
 * numbered up to {@code throughSeq} it kept only the newest per host; every other message (host
 * state, catalog, inventory, events, alerts) follows in full, in order. The numbers skipped up to
 * {@code throughSeq} are dropped samples, not a gap.
 *
 * @param throughSeq the last number the thinned messages cover; live messages go on after it
 * @param samplesDropped older samples left out
 */
public record Coalesced(long throughSeq, long samplesDropped) implements Message {}
