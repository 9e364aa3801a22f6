package dev.vigil.bench.run;

import dev.vigil.bench.proc.ProcReader;
import dev.vigil.bench.proc.ProcessUsage;
import java.io.IOException;

/**
 * CPU seconds used so far by the server, by the harness itself and by the whole machine, read from
 * {@code /proc} at one instant; two of them bracket a window.
 *
 * @param server the server's usage, or null when its pid is unknown (in-process tests)
 * @param harness this process's usage
 * @param machineBusySeconds CPU seconds the whole machine has been busy
 */
record CpuSnapshot(ProcessUsage server, ProcessUsage harness, double machineBusySeconds) {
  private static final long SELF_PID = ProcessHandle.current().pid();

  /** Reads now; {@code serverPid} 0 means unknown. */
  static CpuSnapshot read(ProcReader proc, long serverPid) throws IOException {
    ProcessUsage harness = proc.read(SELF_PID);
    ProcessUsage server = serverPid > 0 ? proc.read(serverPid) : null;
    return new CpuSnapshot(server, harness, proc.machineBusySeconds());
  }

  /** CPU used from {@code start} to {@code end}, in cores over {@code seconds}. */
  static CpuUse between(CpuSnapshot start, CpuSnapshot end, double seconds) {
    Double serverCpu =
        start.server == null || end.server == null
            ? null
            : end.server.cpuSeconds() - start.server.cpuSeconds();
    double harnessCpu = end.harness.cpuSeconds() - start.harness.cpuSeconds();
    Double other =
        serverCpu == null
            ? null
            : Math.max(
                    0, end.machineBusySeconds - start.machineBusySeconds - serverCpu - harnessCpu)
                / seconds;
    return new CpuUse(
        serverCpu,
        serverCpu == null ? null : serverCpu / seconds,
        harnessCpu / seconds,
        other,
        end.server == null ? null : end.server.peakRssBytes());
  }

  /**
   * CPU over one window.
   *
   * @param serverCpuSeconds the server's CPU seconds, null when unknown
   * @param serverCores the same per window second
   * @param harnessCores the harness's CPU per window second
   * @param otherCores every other process's CPU per window second, null when the server's is
   *     unknown
   * @param serverPeakRssBytes the server's VmHWM at the end, null when unknown
   */
  record CpuUse(
      Double serverCpuSeconds,
      Double serverCores,
      double harnessCores,
      Double otherCores,
      Long serverPeakRssBytes) {}
}
