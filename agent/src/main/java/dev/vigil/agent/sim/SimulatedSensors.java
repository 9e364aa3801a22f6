package dev.vigil.agent.sim;

import dev.vigil.agent.collect.Collector;
import dev.vigil.agent.collect.Readings;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.Random;

/**
 * Made-up sensors of a simulated host, one step per tick, deterministic for a given seed: a CPU
 * temperature on a random walk with occasional heat spikes above 90 °C, fans of which one
 * occasionally stops, voltages with limits that occasionally drift out of range, load, memory, a
 * file system that slowly fills, network traffic and uptime. Every source is {@code simulator}.
 */
public final class SimulatedSensors implements Collector {
  /** Chance per tick that a heat spike starts. */
  public static final double SPIKE_CHANCE = 1.0 / 300;

  /** Shortest and longest heat spike, in ticks. */
  public static final int SPIKE_MIN_TICKS = 20;

  public static final int SPIKE_MAX_TICKS = 40;

  /** Chance per tick that the stoppable fan stops, and how long it stays stopped (ticks). */
  public static final double FAN_STOP_CHANCE = 1.0 / 600;

  public static final int FAN_STOP_MIN_TICKS = 30;
  public static final int FAN_STOP_MAX_TICKS = 90;

  /** Chance per tick that a voltage starts drifting out of range, and for how long (ticks). */
  public static final double DRIFT_CHANCE = 1.0 / 900;

  public static final int DRIFT_MIN_TICKS = 10;
  public static final int DRIFT_MAX_TICKS = 30;

  /** Memory of a simulated host, in bytes. */
  public static final long MEMORY_TOTAL_BYTES = 16L << 30;

  /** Size of the simulated root file system, in bytes. */
  public static final long DISK_TOTAL_BYTES = 512L << 30;

  /** File system growth per tick in percent, and where it is "cleaned up" again. */
  public static final double FS_FILL_PER_TICK_PERCENT = 0.01;

  public static final double FS_CLEANUP_AT_PERCENT = 97.0;
  public static final double FS_AFTER_CLEANUP_PERCENT = 60.0;

  private static final String SOURCE = "simulator";
  private static final int CORES = 4;
  private static final double IDLE_CELSIUS = 48.0;
  private static final double SPIKE_CELSIUS = 94.0;

  private static final SensorInfo CPU_TEMP =
      new SensorInfo(
          "cpu.package.temperature",
          "CPU package",
          SensorKind.TEMPERATURE,
          SensorUnit.CELSIUS,
          SOURCE,
          null,
          null,
          100.0);
  private static final SensorInfo CPU_LOAD =
      info("cpu.load", "CPU load", SensorKind.LOAD, SensorUnit.PERCENT);
  private static final Voltage[] VOLTAGES = {
    new Voltage("hwmon.nct6775.in0", "Vcore", 1.2, 1.0, 1.4),
    new Voltage("hwmon.nct6775.in1", "+12V", 12.0, 11.4, 12.6),
    new Voltage("hwmon.nct6775.in2", "+5V", 5.0, 4.75, 5.25),
    new Voltage("hwmon.nct6775.in3", "3VCC", 3.3, 3.135, 3.465),
  };
  private static final double[] FAN_RPM = {1200, 900, 1500};

  private record Voltage(String id, String label, double nominal, double low, double high) {
    SensorInfo info() {
      return new SensorInfo(
          id, label, SensorKind.VOLTAGE, SensorUnit.VOLTS, SOURCE, null, low, high);
    }
  }

  private final Random random;
  private final SensorInfo[] coreInfos = new SensorInfo[CORES];
  private final SensorInfo[] fanInfos = new SensorInfo[FAN_RPM.length];
  private double celsius = IDLE_CELSIUS;
  private double load = 20;
  private final double[] coreLoads = new double[CORES];
  private int spikeTicksLeft;
  private int fanStoppedTicksLeft;
  private int driftTicksLeft;
  private int driftingVoltage;
  private double driftSign = 1;
  private double memoryPercent = 40;
  private double fsPercent;
  private long uptimeSeconds;

  /**
   * @param seed the seed; the same seed gives the same sequence of values
   */
  public SimulatedSensors(long seed) {
    this.random = new Random(seed);
    for (int i = 0; i < CORES; i++) {
      coreInfos[i] =
          info("cpu.core." + i + ".load", "CPU " + i, SensorKind.LOAD, SensorUnit.PERCENT);
    }
    for (int i = 0; i < fanInfos.length; i++) {
      fanInfos[i] =
          info("hwmon.nct6775.fan" + (i + 1), "fan" + (i + 1), SensorKind.FAN, SensorUnit.RPM);
    }
    fsPercent = 50 + random.nextDouble() * 30;
    uptimeSeconds = 3_600 + random.nextInt(86_400);
  }

  @Override
  public String name() {
    return "simulator";
  }

  @Override
  public void collect(Readings out) {
    stepTemperatureAndLoad();
    out.present(CPU_TEMP, round(celsius, 1));
    out.present(CPU_LOAD, round(load, 1));
    for (int i = 0; i < CORES; i++) {
      coreLoads[i] = clamp(load + random.nextGaussian() * 10, 0, 100);
      out.present(coreInfos[i], round(coreLoads[i], 1));
    }
    stepFans(out);
    stepVoltages(out);
    memoryPercent = clamp(memoryPercent + random.nextGaussian(), 20, 95);
    out.present(
        info("memory.used.percent", "memory used", SensorKind.MEMORY, SensorUnit.PERCENT),
        round(memoryPercent, 1));
    out.present(
        info("memory.used.bytes", "memory used", SensorKind.MEMORY, SensorUnit.BYTES),
        Math.round(MEMORY_TOTAL_BYTES * memoryPercent / 100));
    out.present(
        info("memory.total.bytes", "memory total", SensorKind.MEMORY, SensorUnit.BYTES),
        MEMORY_TOTAL_BYTES);
    fsPercent += FS_FILL_PER_TICK_PERCENT;
    if (fsPercent >= FS_CLEANUP_AT_PERCENT) {
      fsPercent = FS_AFTER_CLEANUP_PERCENT;
    }
    out.present(
        info("fs.root.used.percent", "/", SensorKind.FILESYSTEM, SensorUnit.PERCENT),
        round(fsPercent, 2));
    out.present(
        info("fs.root.used.bytes", "/", SensorKind.FILESYSTEM, SensorUnit.BYTES),
        Math.round(DISK_TOTAL_BYTES * fsPercent / 100));
    out.present(
        info("fs.root.total.bytes", "/", SensorKind.FILESYSTEM, SensorUnit.BYTES),
        DISK_TOTAL_BYTES);
    out.present(
        info("net.eth0.rx", "eth0 received", SensorKind.NETWORK_IO, SensorUnit.BYTES_PER_SECOND),
        Math.round(Math.abs(random.nextGaussian()) * 200_000));
    out.present(
        info("net.eth0.tx", "eth0 sent", SensorKind.NETWORK_IO, SensorUnit.BYTES_PER_SECOND),
        Math.round(Math.abs(random.nextGaussian()) * 50_000));
    out.present(info("uptime", "uptime", SensorKind.UPTIME, SensorUnit.SECONDS), uptimeSeconds++);
  }

  private void stepTemperatureAndLoad() {
    if (spikeTicksLeft == 0 && random.nextDouble() < SPIKE_CHANCE) {
      spikeTicksLeft = SPIKE_MIN_TICKS + random.nextInt(SPIKE_MAX_TICKS - SPIKE_MIN_TICKS + 1);
    }
    if (spikeTicksLeft > 0) {
      spikeTicksLeft--;
      celsius += (SPIKE_CELSIUS + random.nextGaussian() - celsius) * 0.5;
      load = clamp(load + (95 - load) * 0.5, 0, 100);
    } else {
      celsius =
          clamp(celsius + random.nextGaussian() * 0.6 + (IDLE_CELSIUS - celsius) * 0.05, 30, 85);
      load = clamp(load + random.nextGaussian() * 4 + (20 - load) * 0.05, 0, 100);
    }
  }

  private void stepFans(Readings out) {
    if (fanStoppedTicksLeft == 0 && random.nextDouble() < FAN_STOP_CHANCE) {
      fanStoppedTicksLeft =
          FAN_STOP_MIN_TICKS + random.nextInt(FAN_STOP_MAX_TICKS - FAN_STOP_MIN_TICKS + 1);
    }
    for (int i = 0; i < fanInfos.length; i++) {
      boolean stopped = i == fanInfos.length - 1 && fanStoppedTicksLeft > 0;
      double rpm =
          stopped ? 0 : FAN_RPM[i] + (celsius - IDLE_CELSIUS) * 15 + random.nextGaussian() * 20;
      out.present(fanInfos[i], Math.max(0, Math.round(rpm)));
    }
    if (fanStoppedTicksLeft > 0) {
      fanStoppedTicksLeft--;
    }
  }

  private void stepVoltages(Readings out) {
    if (driftTicksLeft == 0 && random.nextDouble() < DRIFT_CHANCE) {
      driftTicksLeft = DRIFT_MIN_TICKS + random.nextInt(DRIFT_MAX_TICKS - DRIFT_MIN_TICKS + 1);
      driftingVoltage = random.nextInt(VOLTAGES.length);
      driftSign = random.nextBoolean() ? 1 : -1;
    }
    for (int i = 0; i < VOLTAGES.length; i++) {
      Voltage v = VOLTAGES[i];
      double span = v.high - v.nominal;
      double value = v.nominal + random.nextGaussian() * span * 0.1;
      if (driftTicksLeft > 0 && i == driftingVoltage) {
        value = v.nominal + driftSign * span * 1.3;
      }
      out.present(v.info(), round(value, 3));
    }
    if (driftTicksLeft > 0) {
      driftTicksLeft--;
    }
  }

  private static SensorInfo info(String id, String label, SensorKind kind, SensorUnit unit) {
    return SensorInfo.present(id, label, kind, unit, SOURCE);
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
