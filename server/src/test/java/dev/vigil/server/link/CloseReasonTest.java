package dev.vigil.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class CloseReasonTest {
  @Test
  void shortReasonIsKeptAsIs() {
    assertThat(CloseReason.trim("unknown agent token")).isEqualTo("unknown agent token");
  }

  @Test
  void longMultiByteReasonIsCutOnACharacterBoundaryWithinTheLimit() {
    String reason = "température ≥ 85 °C ".repeat(20);

    String trimmed = CloseReason.trim(reason);

    assertThat(trimmed.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(CloseReason.MAX_REASON_BYTES);
    assertThat(trimmed).endsWith("…");
    assertThat(reason).startsWith(trimmed.substring(0, trimmed.length() - 1));
  }
}
