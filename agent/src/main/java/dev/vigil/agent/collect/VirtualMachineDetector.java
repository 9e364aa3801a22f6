package dev.vigil.agent.collect;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells whether this host is a virtual machine, and which hypervisor, from DMI strings, {@code
 * /sys/hypervisor/type} and the {@code hypervisor} CPU flag. Used to explain missing sensors.
 */
public final class VirtualMachineDetector {
  private static final List<String[]> KNOWN_VENDORS =
      List.of(
          new String[] {"qemu", "QEMU/KVM"},
          new String[] {"kvm", "KVM"},
          new String[] {"vmware", "VMware"},
          new String[] {"innotek", "VirtualBox"},
          new String[] {"virtualbox", "VirtualBox"},
          new String[] {"xen", "Xen"},
          new String[] {"amazon ec2", "Amazon EC2"},
          new String[] {"google", "Google Compute Engine"},
          new String[] {"parallels", "Parallels"},
          new String[] {"bochs", "Bochs"});

  private final Path sysfsRoot;
  private final Path procRoot;

  /**
   * @param sysfsRoot where sysfs is mounted, normally {@code /sys}
   * @param procRoot where procfs is mounted, normally {@code /proc}
   */
  public VirtualMachineDetector(Path sysfsRoot, Path procRoot) {
    this.sysfsRoot = sysfsRoot;
    this.procRoot = procRoot;
  }

  /** The hypervisor's name if this is a virtual machine, e.g. {@code KVM}; empty otherwise. */
  public Optional<String> hypervisor() {
    Path dmi = sysfsRoot.resolve("class/dmi/id");
    String vendor = SysfsFiles.text(dmi.resolve("sys_vendor")).orElse("");
    String product = SysfsFiles.text(dmi.resolve("product_name")).orElse("");
    String both = (vendor + " " + product).toLowerCase(Locale.ROOT);
    for (String[] known : KNOWN_VENDORS) {
      if (both.contains(known[0])) {
        return Optional.of(known[1]);
      }
    }
    if (both.contains("microsoft") && both.contains("virtual")) {
      return Optional.of("Hyper-V");
    }
    Optional<String> type = SysfsFiles.text(sysfsRoot.resolve("hypervisor/type"));
    if (type.isPresent()) {
      return type;
    }
    if (cpuHasHypervisorFlag()) {
      return Optional.of("unknown hypervisor");
    }
    return Optional.empty();
  }

  private boolean cpuHasHypervisorFlag() {
    try (var lines = java.nio.file.Files.lines(procRoot.resolve("cpuinfo"))) {
      return lines.anyMatch(l -> l.startsWith("flags") && (" " + l + " ").contains(" hypervisor "));
    } catch (java.io.IOException | java.io.UncheckedIOException | SecurityException e) {
      return false;
    }
  }
}
