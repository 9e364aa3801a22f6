package dev.vigil.agent.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Explains why a sensor has no reading: a virtual machine, no driver, nothing reported. Computed
 * once from the sysfs root; the sentences end up in {@link dev.vigil.protocol.SensorInfo}.
 */
public final class AbsenceReasons {
  private final Optional<String> hypervisor;
  private final Path hwmonDir;

  /**
   * @param detector tells whether this is a virtual machine
   * @param sysfsRoot the sysfs root, to check whether any hwmon driver is loaded
   */
  public AbsenceReasons(VirtualMachineDetector detector, Path sysfsRoot) {
    this.hypervisor = detector.hypervisor();
    this.hwmonDir = sysfsRoot.resolve("class/hwmon");
  }

  /** Why there is no CPU temperature. */
  public String noCpuTemperature() {
    return explain(
        "no CPU temperature sensor exposed",
        "no hwmon driver exposes a CPU temperature (coretemp, k10temp or zenpower not loaded)",
        "no CPU temperature reported");
  }

  /** Why there is no CPU voltage. */
  public String noCpuVoltage() {
    return explain(
        "no CPU voltage sensor exposed",
        "no hwmon driver exposes a CPU voltage (no in*_input channel)",
        "no CPU voltage reported");
  }

  /** Why no fan is listed. */
  public String noFans() {
    return explain(
        "no fans reported",
        "no fans reported (no hwmon driver exposes fan*_input)",
        "no fans reported");
  }

  /** Why there are no hwmon channels at all. */
  public String noHwmonChips() {
    return explain(
        "no hwmon chips exposed",
        "no hwmon chips under " + hwmonDir + " (no sensor driver loaded)",
        "no hwmon chips under " + hwmonDir);
  }

  /** The hypervisor name, if this host is a virtual machine. */
  public Optional<String> hypervisor() {
    return hypervisor;
  }

  private String explain(String inVm, String noDriver, String otherwise) {
    if (hypervisor.isPresent()) {
      return inVm + " (virtual machine: " + hypervisor.get() + ")";
    }
    return hasHwmonChips() ? otherwise : noDriver;
  }

  private boolean hasHwmonChips() {
    return Files.isDirectory(hwmonDir) && !SysfsFiles.list(hwmonDir).isEmpty();
  }
}
