package dev.vigil.agent.collect;

/**
 * One whole disk (no partitions, no loop or RAM devices) with its identity and I/O counters.
 *
 * @param name kernel name without {@code /dev/}, e.g. {@code sda} or {@code nvme0n1}
 * @param model the model as the platform reports it, or null when not reported
 * @param serial the serial number, or null when not reported
 * @param sizeBytes capacity in bytes, 0 when not reported
 * @param readBytes bytes read since boot, -1 when not readable
 * @param writeBytes bytes written since boot, -1 when not readable
 * @param timestampMs when the counters were read, epoch milliseconds
 */
public record Disk(
    String name,
    String model,
    String serial,
    long sizeBytes,
    long readBytes,
    long writeBytes,
    long timestampMs) {

  /** Where the disk's readings come from, e.g. {@code /dev/sda Samsung_SSD_860}. */
  public String source() {
    return "/dev/" + name + (model == null || model.isBlank() ? "" : " " + model);
  }

  /** True when both I/O counters were read. */
  public boolean hasCounters() {
    return readBytes >= 0 && writeBytes >= 0;
  }
}
