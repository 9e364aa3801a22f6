package dev.vigil.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.bench.run.IdleMemoryResult;
import dev.vigil.bench.run.MemoryReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResultsFileTest {
  @TempDir Path dir;

  @Test
  void idleMemoryResultReadsBackAsWritten() throws Exception {
    Path file = dir.resolve("idle.jsonl");
    IdleMemoryResult written =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100_000_000L, 20_000_000L),
            new MemoryReading(1_000, 160_000_000L, 35_000_000L),
            new MemoryReading(1_999, 6_000_000_000L, 37_000_000L));

    ResultsFile.append(file, written);

    assertThat(ResultsFile.read(file, IdleMemoryResult.class)).containsExactly(written);
  }

  @Test
  void idleMemoryLineWithoutTheHalfReadingIsRejectedWithItsLineNumber() throws Exception {
    Path file = dir.resolve("idle.jsonl");
    Files.writeString(
        file,
        "\n{\"connections\":2000,\"connected\":2000,\"rssBeforeBytes\":1,\"rssAfterBytes\":2,"
            + "\"liveHeapBeforeBytes\":1,\"liveHeapAfterBytes\":2}\n");

    assertThatThrownBy(() -> ResultsFile.read(file, IdleMemoryResult.class))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("idle.jsonl:2: not a IdleMemoryResult");
  }
}
