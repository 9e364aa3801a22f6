package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Virtual machine detection and the absence reasons built on it, from small fixture trees. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VirtualMachineDetectorTest {
  @TempDir Path sys;
  @TempDir Path proc;

  @Test
  void namesTheHypervisorFromTheDmiVendor() throws Exception {
    Files.createDirectories(sys.resolve("class/dmi/id"));
    Files.writeString(sys.resolve("class/dmi/id/sys_vendor"), "QEMU\n");

    AbsenceReasons reasons = new AbsenceReasons(new VirtualMachineDetector(sys, proc), sys);

    assertThat(reasons.noCpuTemperature())
        .isEqualTo("no CPU temperature sensor exposed (virtual machine: QEMU/KVM)");
  }

  @Test
  void fallsBackToTheCpuHypervisorFlag() throws Exception {
    Files.writeString(
        proc.resolve("cpuinfo"), "processor\t: 0\nflags\t\t: fpu vme hypervisor lahf_lm\n");

    assertThat(new VirtualMachineDetector(sys, proc).hypervisor()).contains("unknown hypervisor");
  }

  @Test
  void bareMetalWithoutDriverSaysNoDriverExposesTheTemperature() throws Exception {
    Files.createDirectories(sys.resolve("class/dmi/id"));
    Files.writeString(sys.resolve("class/dmi/id/sys_vendor"), "ASUSTeK COMPUTER INC.\n");
    Files.writeString(proc.resolve("cpuinfo"), "flags\t\t: fpu vme lahf_lm\n");

    AbsenceReasons reasons = new AbsenceReasons(new VirtualMachineDetector(sys, proc), sys);

    assertThat(reasons.hypervisor()).isEmpty();
    assertThat(reasons.noCpuTemperature()).startsWith("no hwmon driver exposes a CPU temperature");
  }
}
