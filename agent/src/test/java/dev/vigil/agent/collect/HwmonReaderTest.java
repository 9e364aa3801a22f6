package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.agent.testing.Fixtures;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hwmon channels read from fixture sysfs trees, converted to units. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HwmonReaderTest {

  private static Map<String, HwmonChannel> channels(String fixture) {
    return new HwmonReader(Fixtures.sysfs(fixture))
        .channels().stream().collect(Collectors.toMap(HwmonChannel::id, Function.identity()));
  }

  private static double read(HwmonChannel c) throws IOException {
    return new HwmonReader(Fixtures.sysfs("empty")).read(c);
  }

  @Test
  void readsAmdTctlAndTccd1InCelsiusWithRawLabels() throws IOException {
    Map<String, HwmonChannel> ch = channels("amd-k10temp");

    assertThat(ch).containsOnlyKeys("hwmon.k10temp.temp1", "hwmon.k10temp.temp3");
    HwmonChannel tctl = ch.get("hwmon.k10temp.temp1");
    assertThat(tctl.rawLabel()).isEqualTo("Tctl");
    assertThat(tctl.kind()).isEqualTo(SensorKind.TEMPERATURE);
    assertThat(tctl.unit()).isEqualTo(SensorUnit.CELSIUS);
    assertThat(read(tctl)).isEqualTo(45.25);
    assertThat(tctl.highLimit()).isEqualTo(70.0);
    assertThat(ch.get("hwmon.k10temp.temp3").rawLabel()).isEqualTo("Tccd1");
    assertThat(read(ch.get("hwmon.k10temp.temp3"))).isEqualTo(43.125);
  }

  @Test
  void readsIntelPackageAndCoreTemperatures() throws IOException {
    Map<String, HwmonChannel> ch = channels("intel-coretemp");

    assertThat(ch.get("hwmon.coretemp.temp1").rawLabel()).isEqualTo("Package id 0");
    assertThat(read(ch.get("hwmon.coretemp.temp1"))).isEqualTo(52.0);
    assertThat(ch.get("hwmon.coretemp.temp2").rawLabel()).isEqualTo("Core 0");
    assertThat(read(ch.get("hwmon.coretemp.temp2"))).isEqualTo(50.0);
    assertThat(read(ch.get("hwmon.coretemp.temp3"))).isEqualTo(49.0);
    assertThat(ch.get("hwmon.coretemp.temp1").highLimit()).isEqualTo(84.0);
  }

  @Test
  void readsBoardVoltagesInVoltsWithLabelsAndLimits() throws IOException {
    Map<String, HwmonChannel> ch = channels("nct6775");
    double[] volts = {1.208, 1.016, 3.344, 3.312, 1.840, 2.032, 1.680};
    double[] mins = {1.0, 0.85, 2.976, 2.976, 1.5, 1.8, 1.5};
    double[] maxs = {1.4, 1.2, 3.632, 3.632, 2.1, 2.3, 1.9};

    for (int i = 0; i <= 6; i++) {
      HwmonChannel in = ch.get("hwmon.nct6775.in" + i);
      assertThat(in.unit()).isEqualTo(SensorUnit.VOLTS);
      assertThat(read(in)).isCloseTo(volts[i], within(1e-9));
      assertThat(in.lowLimit()).isCloseTo(mins[i], within(1e-9));
      assertThat(in.highLimit()).isCloseTo(maxs[i], within(1e-9));
    }
    assertThat(ch.get("hwmon.nct6775.in0").rawLabel()).isEqualTo("Vcore");
    assertThat(ch.get("hwmon.nct6775.in1").rawLabel()).isEqualTo("in1");
  }

  @Test
  void readsFansInRpmIncludingAnUnconnectedOneAtZero() throws IOException {
    Map<String, HwmonChannel> ch = channels("nct6775");

    assertThat(read(ch.get("hwmon.nct6775.fan1"))).isEqualTo(1024.0);
    assertThat(ch.get("hwmon.nct6775.fan1").rawLabel()).isEqualTo("CPU_FAN");
    assertThat(ch.get("hwmon.nct6775.fan1").lowLimit()).isEqualTo(300.0);
    assertThat(read(ch.get("hwmon.nct6775.fan2"))).isEqualTo(812.0);
    assertThat(read(ch.get("hwmon.nct6775.fan3"))).isEqualTo(0.0);
  }

  @Test
  void readsBoardTemperaturesPowerAndCurrentInTheirUnits() throws IOException {
    Map<String, HwmonChannel> ch = channels("nct6775");

    assertThat(read(ch.get("hwmon.nct6775.temp1"))).isEqualTo(34.0);
    assertThat(ch.get("hwmon.nct6775.temp2").rawLabel()).isEqualTo("CPUTIN");
    assertThat(read(ch.get("hwmon.nct6775.temp2"))).isEqualTo(38.5);
    assertThat(read(ch.get("hwmon.nct6775.temp3"))).isEqualTo(31.0);
    assertThat(ch.get("hwmon.nct6775.power1").unit()).isEqualTo(SensorUnit.WATTS);
    assertThat(read(ch.get("hwmon.nct6775.power1"))).isEqualTo(45.5);
    assertThat(ch.get("hwmon.nct6775.curr1").unit()).isEqualTo(SensorUnit.AMPERES);
    assertThat(read(ch.get("hwmon.nct6775.curr1"))).isEqualTo(1.25);
  }

  @Test
  void listsChannelsInNaturalOrder() {
    List<String> ids =
        new HwmonReader(Fixtures.sysfs("nct6775"))
            .channels().stream().map(HwmonChannel::id).toList();

    assertThat(ids.subList(0, 3))
        .containsExactly("hwmon.nct6775.temp1", "hwmon.nct6775.temp2", "hwmon.nct6775.temp3");
    assertThat(ids.indexOf("hwmon.nct6775.in2")).isLessThan(ids.indexOf("hwmon.nct6775.in6"));
  }

  @Test
  void disambiguatesChipsOfTheSameNameByTheirDevice(@TempDir Path root) throws IOException {
    for (String[] chip : new String[][] {{"hwmon3", "nvme0"}, {"hwmon4", "nvme1"}}) {
      Path dir = Files.createDirectories(root.resolve("class/hwmon").resolve(chip[0]));
      Path device = Files.createDirectories(root.resolve("devices").resolve(chip[1]));
      Files.createSymbolicLink(dir.resolve("device"), device);
      Files.writeString(dir.resolve("name"), "nvme\n");
      Files.writeString(dir.resolve("temp1_input"), "40850\n");
    }

    List<String> ids = new HwmonReader(root).channels().stream().map(HwmonChannel::id).toList();

    assertThat(ids).containsExactly("hwmon.nvme_nvme0.temp1", "hwmon.nvme_nvme1.temp1");
  }

  @Test
  void emptyTreeHasNoChannels() {
    assertThat(new HwmonReader(Fixtures.sysfs("empty")).channels()).isEmpty();
  }
}
