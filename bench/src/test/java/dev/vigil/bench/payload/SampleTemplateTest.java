package dev.vigil.bench.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SampleTemplateTest {
  private final MessageCodec codec = MessageCodec.forInbound();

  @Test
  void stampedTemplateIsAValidSampleCarryingTheStamps() {
    SampleTemplate template = SampleTemplate.forAgent(42);
    template.stamp(17, 123_456_789L, 1_700_000_000_123L);

    DecodeResult result = codec.decode(template.toString());

    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
    assertThat(decoded.envelope().seq()).isEqualTo(17);
    Sample sample = (Sample) decoded.envelope().body();
    assertThat(sample.hostId()).isEqualTo("bench-42");
    assertThat(sample.timestampMs()).isEqualTo(1_700_000_000_123L);
    assertThat(sample.values())
        .containsEntry("bench.sched_us", 123_456_789.0)
        .containsEntry("bench.seq", 17.0)
        .hasSize(BenchSensors.READINGS.size() + 2);
  }

  @Test
  void lengthStaysTheSameWhateverTheStamps() {
    SampleTemplate template = SampleTemplate.forAgent(3);
    int length = template.length();

    template.stamp(9_999_999_999L, 999_999_999_999_999L, 9_999_999_999_999L);

    assertThat(template.length()).isEqualTo(length);
    assertThat(template.bytes()).hasSize(length);
  }

  @Test
  void sampleIsAboutFiveHundredBytes() {
    assertThat(SampleTemplate.forAgent(9_999).length()).isBetween(450, 650);
  }

  @Test
  void stampTooWideForItsFieldIsRefused() {
    SampleTemplate template = SampleTemplate.forAgent(0);

    assertThatThrownBy(() -> template.stamp(10_000_000_000L, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit in 10 digits");
  }
}
