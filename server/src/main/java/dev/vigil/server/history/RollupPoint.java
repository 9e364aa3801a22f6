package dev.vigil.server.history;

/**
 * One sensor's values over one minute.
 *
 * @param minuteMs start of the minute, epoch milliseconds
 * @param min least value
 * @param avg mean value
 * @param max greatest value
 * @param count how many values
 */
public record RollupPoint(long minuteMs, double min, double avg, double max, long count) {}
