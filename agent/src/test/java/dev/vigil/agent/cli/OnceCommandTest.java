package dev.vigil.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.agent.AgentMain;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil-agent once} run in-process on the real machine through OSHI and fixture sysfs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OnceCommandTest {
  private final MessageCodec codec = MessageCodec.forRelayMessages();
  @TempDir Path stateDir;

  private JsonObject runOnce(String sysfs) {
    StringWriter out = new StringWriter();
    int code =
        AgentMain.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "once",
                "--state-dir",
                stateDir.toString(),
                "--interval",
                "200ms",
                "--sysfs-root",
                Fixtures.sysfs(sysfs).toString());
    assertThat(code).isZero();
    return JsonParser.parseString(out.toString()).getAsJsonObject();
  }

  private <T> T decode(JsonObject json, String member, Class<T> type) {
    DecodeResult result = codec.decode(json.get(member).toString());
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    return type.cast(((DecodeResult.Decoded) result).envelope().body());
  }

  @Test
  void oncePrintsCatalogSampleAndInventoryThatTheCodecDecodes() {
    JsonObject json = runOnce("empty");

    SensorCatalog catalog = decode(json, "catalog", SensorCatalog.class);
    Sample sample = decode(json, "sample", Sample.class);
    Inventory inventory = decode(json, "inventory", Inventory.class);
    assertThat(catalog.hostId()).isEqualTo(sample.hostId()).isEqualTo(inventory.hostId());
    assertThat(catalog.sensors())
        .filteredOn(s -> !s.isPresent())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.absentReason()).isNotBlank());
    assertThat(sample.values()).containsKey("cpu.load");
    catalog.sensors().stream()
        .filter(s -> !s.isPresent())
        .forEach(s -> assertThat(sample.values()).doesNotContainKey(s.id()));
  }

  @Test
  void onceReadsHwmonChannelsOfTheGivenSysfsRoot() {
    JsonObject json = runOnce("nct6775");

    SensorCatalog catalog = decode(json, "catalog", SensorCatalog.class);
    Sample sample = decode(json, "sample", Sample.class);
    assertThat(catalog.sensors())
        .anyMatch(s -> s.id().equals("hwmon.nct6775.in0") && s.rawLabel().equals("Vcore"));
    assertThat(sample.values()).containsEntry("hwmon.nct6775.in0", 1.208);
  }
}
