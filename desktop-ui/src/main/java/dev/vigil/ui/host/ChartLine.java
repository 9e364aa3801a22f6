package dev.vigil.ui.host;

/**
 * One sensor's line in a chart, oldest point first.
 *
 * @param sensorId the sensor
 * @param label the legend text
 * @param secondsAgo x of each point: seconds before now, as a negative number
 * @param values y of each point, in the sensor's unit
 */
public record ChartLine(String sensorId, String label, double[] secondsAgo, double[] values) {}
