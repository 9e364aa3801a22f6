package dev.vigil.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.SysfsTree;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SysfsUsbReader} on a fixture {@code bus/usb/devices} made of symlinks into {@code
 * devices/}, as the kernel lays it out, and the USB inventory built from it.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SysfsUsbReaderTest {
  private static final String HUB = "devices/pci0000:00/0000:00:14.0/usb1";
  private static final String STICK = HUB + "/1-2";

  @TempDir Path dir;

  private SysfsTree tree() {
    return new SysfsTree(dir)
        .link("bus/usb/devices/usb1", HUB)
        .file(HUB + "/idVendor", "1d6b")
        .file(HUB + "/idProduct", "0002")
        .file(HUB + "/product", "xHCI Host Controller")
        .link("bus/usb/devices/1-2", STICK)
        .file(STICK + "/idVendor", "0781")
        .file(STICK + "/idProduct", "5581")
        .file(STICK + "/manufacturer", "SanDisk")
        .file(STICK + "/product", "Ultra")
        .file(STICK + "/serial", "4C530001")
        .link("bus/usb/devices/1-2:1.0", STICK + "/1-2:1.0");
  }

  @Test
  void readsEveryDeviceWithIdsStringsAndResolvedPortSkippingInterfaces() throws Exception {
    tree();

    List<UsbDeviceInfo> devices = new SysfsUsbReader(dir).devices();

    assertThat(devices).extracting(UsbDeviceInfo::vendorId).containsExactly("0781", "1d6b");
    UsbDeviceInfo stick = devices.get(0);
    assertThat(stick.name()).isEqualTo("Ultra");
    assertThat(stick.vendor()).isEqualTo("SanDisk");
    assertThat(stick.serial()).isEqualTo("4C530001");
    assertThat(stick.port()).isEqualTo(dir.resolve(STICK).toRealPath().toString());
  }

  @Test
  void deviceIdUsesSerialElseThePort() throws Exception {
    tree();

    List<Device> devices = new UsbDeviceSource(new SysfsUsbReader(dir)).devices();

    assertThat(devices)
        .extracting(Device::id)
        .containsExactly(
            "usb:0781:5581:4C530001", "usb:1d6b:0002:" + dir.resolve(HUB).toRealPath());
    assertThat(devices.get(0).kind()).isEqualTo(DeviceKind.USB);
    assertThat(devices.get(0).name()).isEqualTo("Ultra");
  }

  @Test
  void unpluggedDeviceDisappearsFromTheNextRead() {
    SysfsTree tree = tree();
    SysfsUsbReader reader = new SysfsUsbReader(dir);
    assertThat(reader.devices()).hasSize(2);

    tree.delete("bus/usb/devices/1-2");

    assertThat(reader.devices()).extracting(UsbDeviceInfo::vendorId).containsExactly("1d6b");
  }

  @Test
  void hostWithoutUsbBusHasNoUsbDevices() {
    assertThat(new SysfsUsbReader(dir).devices()).isEmpty();
  }
}
