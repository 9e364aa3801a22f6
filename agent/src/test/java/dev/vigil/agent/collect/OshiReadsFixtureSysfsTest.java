package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.agent.testing.Fixtures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import oshi.SystemInfo;
import oshi.util.platform.linux.SysPath;

/**
 * OSHI itself reading a fixture: runs in its own surefire fork whose {@code oshi.util.sys.path} is
 * the k10temp fixture (see the agent pom), because OSHI reads that property once per JVM.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OshiReadsFixtureSysfsTest {

  @Test
  void cpuPackageTemperatureViaOshiEqualsTheFixtureValue() {
    assumeTrue(
        SysPath.SYS.equals(Fixtures.sysfs("amd-k10temp") + "/"),
        "runs in the surefire fork whose oshi.util.sys.path is the k10temp fixture");
    AbsenceReasons reasons =
        new AbsenceReasons(
            new VirtualMachineDetector(Fixtures.sysfs("amd-k10temp"), Fixtures.sysfs("empty")),
            Fixtures.sysfs("amd-k10temp"));
    Readings r = new Readings();

    new OshiThermalCollector(new SystemInfo().getHardware().getSensors(), reasons).collect(r);

    assertThat(r.values()).containsEntry(OshiThermalCollector.CPU_TEMPERATURE_ID, 45.25);
  }
}
