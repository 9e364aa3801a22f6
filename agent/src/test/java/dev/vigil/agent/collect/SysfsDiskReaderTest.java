package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.SysfsTree;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link SysfsDiskReader} and {@link DiskIoCollector} on a fixture block tree and udev data. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SysfsDiskReaderTest {
  private static final String NVME_STAT =
      "  1200  0  4000  50  300  0  1000  20  0  60  70  0  0  0  0";

  @TempDir Path dir;

  private SysfsTree sysfs() {
    return new SysfsTree(dir.resolve("sys"))
        .file("block/nvme0n1/dev", "259:0")
        .file("block/nvme0n1/size", "1953525168")
        .file("block/nvme0n1/stat", NVME_STAT)
        .file("block/loop0/dev", "7:0")
        .file("block/loop0/stat", NVME_STAT)
        .file("block/dm-0/dev", "253:0")
        .file("block/dm-0/size", "100")
        .file("block/dm-0/stat", NVME_STAT);
  }

  private SysfsDiskReader reader() {
    return new SysfsDiskReader(dir.resolve("sys"), dir.resolve("udev"));
  }

  @Test
  void readsModelSerialSizeAndCountersOfWholeDisksSkippingLoopDevices() {
    sysfs();
    new SysfsTree(dir.resolve("udev"))
        .file(
            "b259:0",
            "S:disk/by-id/nvme-x\nE:ID_MODEL=Samsung_SSD_970\nE:ID_SERIAL_SHORT=S4EWNX0R");

    assertThat(reader().disks()).extracting(Disk::name).containsExactly("dm-0", "nvme0n1");
    Disk nvme = reader().disks().get(1);
    assertThat(nvme.model()).isEqualTo("Samsung_SSD_970");
    assertThat(nvme.serial()).isEqualTo("S4EWNX0R");
    assertThat(nvme.sizeBytes()).isEqualTo(1953525168L * 512);
    assertThat(nvme.readBytes()).isEqualTo(4000L * 512);
    assertThat(nvme.writeBytes()).isEqualTo(1000L * 512);
  }

  @Test
  void deviceMapperDiskGetsOshisModelAndItsUuidAsSerial() {
    sysfs();
    new SysfsTree(dir.resolve("udev")).file("b253:0", "E:DM_UUID=LVM-abc\nE:ID_MODEL=ignored");

    Disk dm = reader().disks().get(0);

    assertThat(dm.model()).isEqualTo(SysfsDiskReader.DM_MODEL);
    assertThat(dm.serial()).isEqualTo("LVM-abc");
  }

  @Test
  void withoutUdevDatabaseModelAndSerialAreUnreportedNotEmpty() {
    sysfs();

    Disk nvme = reader().disks().get(1);

    assertThat(nvme.model()).isNull();
    assertThat(nvme.serial()).isNull();
    assertThat(nvme.source()).isEqualTo("/dev/nvme0n1");
  }

  @Test
  void unreadableCountersGiveASensorWithoutValueNeverZero() {
    sysfs().delete("block/nvme0n1/stat");
    DiskIoCollector collector = new DiskIoCollector(reader());

    Readings first = new Readings();
    collector.collect(first);
    Readings second = new Readings();
    collector.collect(second);

    assertThat(second.sensors()).extracting(s -> s.id()).contains("disk.nvme0n1.read");
    assertThat(second.values()).doesNotContainKey("disk.nvme0n1.read");
  }

  @Test
  void diskRateIsBytesPerSecondBetweenTwoReadings() throws Exception {
    SysfsTree tree = sysfs();
    DiskIoCollector collector = new DiskIoCollector(reader());
    Readings first = new Readings();
    collector.collect(first);
    assertThat(first.values()).doesNotContainKey("disk.nvme0n1.read");

    tree.file("block/nvme0n1/stat", NVME_STAT.replace(" 4000 ", " 6000 "));
    long before = System.currentTimeMillis();
    while (System.currentTimeMillis() - before < 20) {
      Thread.onSpinWait(); // a rate needs elapsed time
    }
    Readings second = new Readings();
    collector.collect(second);

    assertThat(second.values().get("disk.nvme0n1.read")).isPositive();
    assertThat(second.values()).containsEntry("disk.nvme0n1.write", 0.0);
  }

  @Test
  void noBlockDirectoryMeansNoDisks() {
    assertThat(reader().disks()).isEmpty();
  }
}
