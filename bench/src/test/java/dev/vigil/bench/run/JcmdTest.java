package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JcmdTest {
  @Test
  void liveHeapIsTheByteColumnOfTheTotalLine() throws IOException {
    String histogram =
        "4242:\n num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n"
            + "   1:         12345        1048576  [B (java.base@17)\n"
            + "Total         54321        7654321\n";

    assertThat(Jcmd.totalBytes(histogram)).isEqualTo(7_654_321L);
  }

  @Test
  void histogramWithoutTotalIsAnError() {
    assertThatThrownBy(() -> Jcmd.totalBytes("4242:\nAttachNotSupportedException"))
        .isInstanceOf(IOException.class);
  }
}
