package dev.vigil.server.notify;

/**
 * One channel's delivery counts since the relay started.
 *
 * @param sent transitions delivered
 * @param failed transitions given up on after every attempt failed
 * @param retrying transitions waiting now for another attempt
 * @param retries attempts that failed and were retried, in all
 * @param dropped transitions not attempted (again) because the queue was full or the relay stopping
 */
public record ChannelStats(long sent, long failed, long retrying, long retries, long dropped) {}
