package dev.vigil.server.history;

import dev.vigil.protocol.Sample;
import java.util.Map;

/**
 * A sample as the writer queues it: two small arrays instead of the decoded map. A queued item
 * outlives a young collection or two, and the decoded sample (a map of boxed values and freshly
 * decoded id strings, some 3 KB for 30 sensors) would then be copied and promoted; here the ids are
 * the relay's long-lived copies, so only the arrays are. The arrays are not copied: the caller
 * hands them over.
 *
 * @param hostId the host
 * @param timestampMs when the agent read the values
 * @param sensorIds sensor ids, parallel to {@code values}
 * @param values the values
 */
public record SampleRow(String hostId, long timestampMs, String[] sensorIds, double[] values) {
  /** The row of {@code sample}, with its own ids. */
  public static SampleRow of(Sample sample) {
    String[] ids = new String[sample.values().size()];
    double[] values = new double[ids.length];
    int i = 0;
    for (Map.Entry<String, Double> e : sample.values().entrySet()) {
      ids[i] = e.getKey();
      values[i++] = e.getValue();
    }
    return new SampleRow(sample.hostId(), sample.timestampMs(), ids, values);
  }
}
