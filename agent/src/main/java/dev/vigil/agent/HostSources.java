package dev.vigil.agent;

import dev.vigil.agent.collect.AbsenceReasons;
import dev.vigil.agent.collect.BatteryCollector;
import dev.vigil.agent.collect.Collector;
import dev.vigil.agent.collect.HeldCollector;
import dev.vigil.agent.collect.HwmonCollector;
import dev.vigil.agent.collect.HwmonReader;
import dev.vigil.agent.collect.LedReader;
import dev.vigil.agent.collect.OshiCpuLoadCollector;
import dev.vigil.agent.collect.OshiDiskIoCollector;
import dev.vigil.agent.collect.OshiFileSystemCollector;
import dev.vigil.agent.collect.OshiMemoryCollector;
import dev.vigil.agent.collect.OshiNetworkIoCollector;
import dev.vigil.agent.collect.OshiPowerSupplyReader;
import dev.vigil.agent.collect.OshiThermalCollector;
import dev.vigil.agent.collect.PowerSupplyReader;
import dev.vigil.agent.collect.SysfsPowerSupplyReader;
import dev.vigil.agent.collect.UptimeCollector;
import dev.vigil.agent.collect.VirtualMachineDetector;
import dev.vigil.agent.inventory.DeviceSource;
import dev.vigil.agent.inventory.DiskDeviceSource;
import dev.vigil.agent.inventory.LedDeviceSource;
import dev.vigil.agent.inventory.NetworkDeviceSource;
import dev.vigil.agent.inventory.OshiDisplaySource;
import dev.vigil.agent.inventory.PowerDeviceSource;
import dev.vigil.agent.inventory.SysfsDisplaySource;
import dev.vigil.agent.inventory.UsbDeviceSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Where a host's readings come from: its sensor collectors and its device sources.
 *
 * @param collectors sensor sources, in display order
 * @param devices inventory sources
 */
public record HostSources(List<Collector> collectors, List<DeviceSource> devices) {
  /** Where procfs is mounted; read for the {@code hypervisor} CPU flag. */
  public static final Path PROC_ROOT = Path.of("/proc");

  /**
   * How often file system usage and disk and network counters are refreshed, in milliseconds; in
   * between, samples repeat the last values (OSHI's refresh of these costs milliseconds per call).
   */
  public static final long IO_REFRESH_MS = 5_000;

  public HostSources {
    collectors = List.copyOf(collectors);
    devices = List.copyOf(devices);
  }

  /**
   * The real sources of this machine: OSHI through one shared {@link SystemInfo}, plus on Linux
   * hwmon, LEDs, power supplies and displays read from {@code sysfsRoot}.
   */
  public static HostSources forThisMachine(Path sysfsRoot) {
    SystemInfo system = new SystemInfo();
    HardwareAbstractionLayer hardware = system.getHardware();
    OperatingSystem os = system.getOperatingSystem();
    boolean linux = SystemInfo.getCurrentPlatform() == PlatformEnum.LINUX;
    AbsenceReasons reasons =
        new AbsenceReasons(new VirtualMachineDetector(sysfsRoot, PROC_ROOT), sysfsRoot);
    PowerSupplyReader power =
        linux ? new SysfsPowerSupplyReader(sysfsRoot) : new OshiPowerSupplyReader(hardware);

    List<Collector> collectors = new ArrayList<>();
    collectors.add(new OshiThermalCollector(hardware.getSensors(), reasons));
    collectors.add(new OshiCpuLoadCollector(hardware.getProcessor()));
    collectors.add(new OshiMemoryCollector(hardware.getMemory()));
    collectors.add(
        new HeldCollector(new OshiFileSystemCollector(os.getFileSystem()), IO_REFRESH_MS));
    collectors.add(new HeldCollector(new OshiDiskIoCollector(hardware), IO_REFRESH_MS));
    collectors.add(new HeldCollector(new OshiNetworkIoCollector(hardware), IO_REFRESH_MS));
    collectors.add(new BatteryCollector(power));
    collectors.add(new UptimeCollector(os));
    if (linux) {
      collectors.add(
          new HwmonCollector(
              new HwmonReader(sysfsRoot), reasons, sysfsRoot.resolve("class/hwmon").toString()));
    }

    List<DeviceSource> devices = new ArrayList<>();
    devices.add(new UsbDeviceSource(hardware));
    devices.add(new DiskDeviceSource(hardware));
    devices.add(new NetworkDeviceSource(hardware, sysfsRoot));
    devices.add(new PowerDeviceSource(power));
    if (linux) {
      devices.add(new SysfsDisplaySource(sysfsRoot));
      devices.add(new LedDeviceSource(new LedReader(sysfsRoot)));
    } else {
      devices.add(new OshiDisplaySource(hardware));
    }
    return new HostSources(collectors, devices);
  }
}
