package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.agent.testing.Fixtures;
import dev.vigil.protocol.SensorInfo;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import oshi.SystemInfo;
import oshi.util.platform.linux.SysPath;

/**
 * OSHI on the empty fixture tree (the main surefire fork points {@code oshi.util.sys.path} there):
 * temperature, voltage and fans are absent with a reason, never zero.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OshiEmptySysfsTest {

  @Test
  void emptySysfsGivesAbsentCpuTemperatureVoltageAndFansWithReasons() {
    assumeTrue(
        SysPath.SYS.equals(Fixtures.sysfs("empty") + "/"),
        "runs in the main surefire fork whose oshi.util.sys.path is the empty fixture");
    AbsenceReasons reasons =
        new AbsenceReasons(
            new VirtualMachineDetector(Fixtures.sysfs("empty"), Fixtures.sysfs("empty")),
            Fixtures.sysfs("empty"));
    Readings r = new Readings();

    new OshiThermalCollector(new SystemInfo().getHardware().getSensors(), reasons).collect(r);

    assertThat(r.values()).isEmpty();
    assertThat(r.sensors())
        .extracting(SensorInfo::id)
        .containsExactly(
            OshiThermalCollector.CPU_TEMPERATURE_ID, OshiThermalCollector.CPU_VOLTAGE_ID, "fan.1");
    assertThat(r.sensors()).allSatisfy(s -> assertThat(s.absentReason()).isNotBlank());
    assertThat(r.sensors().get(0).absentReason())
        .isEqualTo(
            "no hwmon driver exposes a CPU temperature (coretemp, k10temp or zenpower not loaded)");
  }
}
