package dev.vigil.protocol;

/**
 * Relay → agent: a cumulative acknowledgement of the agent's numbered stream. Everything the agent
 * numbered up to {@code upToSeq} in {@code streamEpoch} is held by the relay, so the agent may drop
 * it from its store-and-forward buffer.
 *
 * @param streamEpoch the agent stream's epoch, as the agent declared it in its hello
 * @param upToSeq highest sequence number received, all lower ones included
 */
public record Received(String streamEpoch, long upToSeq) implements Message {}
