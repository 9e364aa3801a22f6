package dev.vigil.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcReaderTest {
  private static final String STAT =
      "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 30 0 "
          + "100 8977064448 60041 18446744073709551615\n";

  private static final String STATUS =
      "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  300000 kB\nVmRSS:\t  240164 kB\n";

  @TempDir Path proc;

  @Test
  void cpuIsUserPlusSystemTicksEvenWhenTheNameHoldsSpacesAndParentheses() throws IOException {
    assertThat(ProcReader.cpuSeconds(STAT)).isEqualTo(3.25);
  }

  @Test
  void readsCpuRssAndPeakRssOfAProcessDirectory() throws IOException {
    Path dir = Files.createDirectories(proc.resolve("4242"));
    Files.writeString(dir.resolve("stat"), STAT);
    Files.writeString(dir.resolve("status"), STATUS);

    ProcessUsage usage = new ProcReader(proc).read(4242);

    assertThat(usage).isEqualTo(new ProcessUsage(3.25, 240164L * 1024, 300000L * 1024));
  }

  @Test
  void statusWithoutTheFieldFailsNamingIt() {
    assertThatThrownBy(() -> ProcReader.statusKib("Name:\tkthreadd\n", "VmHWM"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no VmHWM");
  }

  @Test
  void machineBusyTimeCountsEverythingButIdleAndIowait() throws IOException {
    String stat = "cpu  100 20 30 5000 40 5 6 7 0 0\ncpu0 50 10 15 2500 20 2 3 3 0 0\n";

    assertThat(ProcReader.machineBusySeconds(stat)).isEqualTo(1.68);
  }

  @Test
  void readsThisVeryProcess() throws IOException {
    ProcessUsage usage = new ProcReader().read(ProcessHandle.current().pid());

    assertThat(usage.rssBytes()).isPositive();
    assertThat(usage.peakRssBytes()).isGreaterThanOrEqualTo(usage.rssBytes());
    assertThat(usage.cpuSeconds()).isPositive();
  }
}
