package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.software.os.FileSystem;

/**
 * {@link OshiFileSystemCollector} against this machine's real OSHI file system, seen through a
 * counting pass-through proxy (not a mock: every call reaches OSHI) so the test can tell when the
 * costly mount listing runs.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OshiFileSystemCollectorTest {
  private static final FileSystem REAL = new SystemInfo().getOperatingSystem().getFileSystem();

  @TempDir Path dir;

  private final AtomicInteger listings = new AtomicInteger();

  private FileSystem counting() {
    return (FileSystem)
        Proxy.newProxyInstance(
            FileSystem.class.getClassLoader(),
            new Class<?>[] {FileSystem.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFileStores")) {
                listings.incrementAndGet();
              }
              try {
                return method.invoke(REAL, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void listsMountsAgainOnlyWhenTheMountTableChanges() throws Exception {
    Path table = dir.resolve("mounts");
    Files.writeString(table, "/dev/vda / ext4 rw 0 0\n");
    OshiFileSystemCollector collector = new OshiFileSystemCollector(counting(), table);

    collector.collect(new Readings());
    collector.collect(new Readings());
    assertThat(listings).hasValue(1);

    Files.writeString(table, "/dev/vda / ext4 rw 0 0\n/dev/sdb1 /media/usb vfat rw 0 0\n");
    collector.collect(new Readings());

    assertThat(listings).hasValue(2);
  }

  @Test
  void rootUsageIsReportedLikeDf() {
    Readings r = new Readings();
    new OshiFileSystemCollector(REAL, null).collect(r);

    File root = new File("/");
    long used = root.getTotalSpace() - root.getFreeSpace();
    double dfPercent = 100.0 * used / (used + root.getUsableSpace());
    assertThat(r.values().get("fs.root.total.bytes")).isEqualTo((double) root.getTotalSpace());
    assertThat(r.values().get("fs.root.used.percent")).isCloseTo(dfPercent, within(1.0));
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}
