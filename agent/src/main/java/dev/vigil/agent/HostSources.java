package dev.vigil.agent;

import dev.vigil.agent.collect.AbsenceReasons;
import dev.vigil.agent.collect.BatteryCollector;
import dev.vigil.agent.collect.Collector;
import dev.vigil.agent.collect.CpuLoadCollector;
import dev.vigil.agent.collect.CpuTicksReader;
import dev.vigil.agent.collect.DiskIoCollector;
import dev.vigil.agent.collect.DiskReader;
import dev.vigil.agent.collect.HeldCollector;
import dev.vigil.agent.collect.HwmonCollector;
import dev.vigil.agent.collect.HwmonReader;
import dev.vigil.agent.collect.LedReader;
import dev.vigil.agent.collect.MemoryCollector;
import dev.vigil.agent.collect.MemoryReader;
import dev.vigil.agent.collect.NetworkIoCollector;
import dev.vigil.agent.collect.NetworkReader;
import dev.vigil.agent.collect.OshiCpuTicksReader;
import dev.vigil.agent.collect.OshiDiskReader;
import dev.vigil.agent.collect.OshiFileSystemCollector;
import dev.vigil.agent.collect.OshiMemoryReader;
import dev.vigil.agent.collect.OshiNetworkReader;
import dev.vigil.agent.collect.OshiPowerSupplyReader;
import dev.vigil.agent.collect.OshiThermalCollector;
import dev.vigil.agent.collect.PowerSupplyReader;
import dev.vigil.agent.collect.ProcMeminfoReader;
import dev.vigil.agent.collect.ProcStatReader;
import dev.vigil.agent.collect.SysfsDiskReader;
import dev.vigil.agent.collect.SysfsNetworkReader;
import dev.vigil.agent.collect.SysfsPowerSupplyReader;
import dev.vigil.agent.collect.UptimeCollector;
import dev.vigil.agent.collect.VirtualMachineDetector;
import dev.vigil.agent.inventory.DeviceSource;
import dev.vigil.agent.inventory.DiskDeviceSource;
import dev.vigil.agent.inventory.LedDeviceSource;
import dev.vigil.agent.inventory.NetworkDeviceSource;
import dev.vigil.agent.inventory.OshiDisplaySource;
import dev.vigil.agent.inventory.OshiUsbReader;
import dev.vigil.agent.inventory.PowerDeviceSource;
import dev.vigil.agent.inventory.SysfsDisplaySource;
import dev.vigil.agent.inventory.SysfsUsbReader;
import dev.vigil.agent.inventory.UsbDeviceSource;
import dev.vigil.agent.inventory.UsbReader;
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

  /** The udev database, read for disk model and serial on Linux. */
  public static final Path UDEV_DATA_DIR = Path.of("/run/udev/data");

  /**
   * How often file system usage and disk and network counters are refreshed, in milliseconds; in
   * between, samples repeat the last values (OSHI's refresh of these costs milliseconds per call).
   */
  public static final long IO_REFRESH_MS = 5_000;

  private static final String OSHI = "oshi";

  public HostSources {
    collectors = List.copyOf(collectors);
    devices = List.copyOf(devices);
  }

  /**
   * The real sources of this machine: OSHI through one shared {@link SystemInfo}; on Linux, hwmon,
   * LEDs, power supplies, displays, disks, network interfaces and USB devices are read from {@code
   * sysfsRoot}, and CPU load and memory from {@code /proc}, directly (OSHI enumerates udev or every
   * interface on each call, which costs milliseconds; these readers list one directory and read a
   * few small files).
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
    DiskReader disks =
        linux ? new SysfsDiskReader(sysfsRoot, UDEV_DATA_DIR) : new OshiDiskReader(hardware);
    NetworkReader network =
        linux ? new SysfsNetworkReader(sysfsRoot) : new OshiNetworkReader(hardware);
    UsbReader usb = linux ? new SysfsUsbReader(sysfsRoot) : new OshiUsbReader(hardware);
    Path mountTable = linux ? PROC_ROOT.resolve("self/mounts") : null;
    CpuTicksReader cpu =
        linux ? new ProcStatReader(PROC_ROOT) : new OshiCpuTicksReader(hardware.getProcessor());
    MemoryReader memory =
        linux ? new ProcMeminfoReader(PROC_ROOT) : new OshiMemoryReader(hardware.getMemory());

    List<Collector> collectors = new ArrayList<>();
    collectors.add(new OshiThermalCollector(hardware.getSensors(), reasons));
    collectors.add(new CpuLoadCollector(cpu, linux ? "/proc/stat" : OSHI));
    collectors.add(new MemoryCollector(memory, linux ? "/proc/meminfo" : OSHI));
    collectors.add(
        new HeldCollector(
            new OshiFileSystemCollector(os.getFileSystem(), mountTable), IO_REFRESH_MS));
    collectors.add(new HeldCollector(new DiskIoCollector(disks), IO_REFRESH_MS));
    collectors.add(new HeldCollector(new NetworkIoCollector(network), IO_REFRESH_MS));
    collectors.add(new BatteryCollector(power));
    collectors.add(new UptimeCollector(os));
    if (linux) {
      collectors.add(
          new HwmonCollector(
              new HwmonReader(sysfsRoot), reasons, sysfsRoot.resolve("class/hwmon").toString()));
    }

    List<DeviceSource> devices = new ArrayList<>();
    devices.add(new UsbDeviceSource(usb));
    devices.add(new DiskDeviceSource(disks));
    devices.add(new NetworkDeviceSource(network));
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
