package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.inventory.NetworkDeviceSource;
import dev.vigil.agent.testing.SysfsTree;
import dev.vigil.protocol.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link SysfsNetworkReader} and the inventory built from it, on a fixture {@code class/net}. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SysfsNetworkReaderTest {
  @TempDir Path dir;

  private SysfsTree tree() {
    return new SysfsTree(dir)
        .file("class/net/lo/address", "00:00:00:00:00:00")
        .file("class/net/lo/operstate", "unknown")
        .file("class/net/eth0/address", "aa:bb:cc:dd:ee:ff")
        .file("class/net/eth0/operstate", "up")
        .file("class/net/eth0/speed", "1000")
        .file("class/net/eth0/statistics/rx_bytes", "123456")
        .file("class/net/eth0/statistics/tx_bytes", "654321")
        .file("class/net/usb0/address", "12:34:56:78:9a:bc")
        .file("class/net/usb0/operstate", "down")
        .file("class/net/usb0/speed", "-1")
        .file("class/net/tun0/address", "");
  }

  @Test
  void listsInterfacesWithHardwareAddressSkippingLoopbackAndTunnels() {
    tree();

    List<NetInterface> all = new SysfsNetworkReader(dir).interfaces();

    assertThat(all).extracting(NetInterface::name).containsExactly("eth0", "usb0");
    NetInterface eth0 = all.get(0);
    assertThat(eth0.mac()).isEqualTo("aa:bb:cc:dd:ee:ff");
    assertThat(eth0.operState()).isEqualTo("up");
    assertThat(eth0.speedBitsPerSecond()).isEqualTo(1_000_000_000L);
    assertThat(eth0.rxBytes()).isEqualTo(123456);
    assertThat(eth0.txBytes()).isEqualTo(654321);
  }

  @Test
  void linkDownInterfaceIsInTheInventoryWithLinkDownAndNoSpeed() {
    tree();

    List<Device> devices = new NetworkDeviceSource(new SysfsNetworkReader(dir)).devices();

    assertThat(devices)
        .filteredOn(d -> d.id().equals("net:usb0"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.attributes()).containsEntry(NetworkDeviceSource.LINK, "down");
              assertThat(d.attributes()).doesNotContainKey("speedBitsPerSecond");
            });
  }

  @Test
  void interfaceWithoutCountersHasRateSensorsWithoutValues() {
    tree();
    NetworkIoCollector collector = new NetworkIoCollector(new SysfsNetworkReader(dir));

    collector.collect(new Readings());
    Readings second = new Readings();
    collector.collect(second);

    assertThat(second.sensors()).extracting(s -> s.id()).contains("net.usb0.rx", "net.usb0.tx");
    assertThat(second.values()).doesNotContainKeys("net.usb0.rx", "net.usb0.tx");
  }

  @Test
  void operstateChangeShowsInTheNextRead() {
    SysfsTree tree = tree();
    SysfsNetworkReader reader = new SysfsNetworkReader(dir);
    assertThat(reader.interfaces().get(0).operState()).isEqualTo("up");

    tree.file("class/net/eth0/operstate", "down");

    assertThat(reader.interfaces().get(0).operState()).isEqualTo("down");
  }
}
