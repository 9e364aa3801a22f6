package dev.vigil.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.Fixtures;
import dev.vigil.protocol.SensorInfo;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The hwmon, battery and power readers as collectors, on fixture trees and on an empty tree. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SysfsCollectorsTest {

  private static Readings collect(Collector c) {
    Readings r = new Readings();
    c.collect(r);
    return r;
  }

  private static HwmonCollector hwmon(Path root) {
    AbsenceReasons reasons = new AbsenceReasons(new VirtualMachineDetector(root, root), root);
    return new HwmonCollector(
        new HwmonReader(root), reasons, root.resolve("class/hwmon").toString());
  }

  @Test
  void hwmonCollectorReportsEveryChannelWithItsValueAndLimits() {
    Readings r = collect(hwmon(Fixtures.sysfs("nct6775")));

    assertThat(r.values())
        .containsEntry("hwmon.nct6775.in0", 1.208)
        .containsEntry("hwmon.nct6775.fan3", 0.0);
    SensorInfo vcore =
        r.sensors().stream()
            .filter(s -> s.id().equals("hwmon.nct6775.in0"))
            .findFirst()
            .orElseThrow();
    assertThat(vcore.rawLabel()).isEqualTo("Vcore");
    assertThat(vcore.lowLimit()).isEqualTo(1.0);
    assertThat(vcore.highLimit()).isEqualTo(1.4);
    assertThat(vcore.isPresent()).isTrue();
  }

  @Test
  void emptyTreeGivesAbsentHwmonWithReasonAndNoValues() {
    Readings r = collect(hwmon(Fixtures.sysfs("empty")));

    assertThat(r.values()).isEmpty();
    assertThat(r.sensors())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(HwmonCollector.NO_CHIPS_ID);
              assertThat(s.isPresent()).isFalse();
              assertThat(s.absentReason()).contains("no hwmon chips");
            });
  }

  @Test
  void readsAcOnlineAndBatteryChargeStatusAndPower() {
    var supplies = new SysfsPowerSupplyReader(Fixtures.sysfs("power")).read();

    assertThat(supplies).hasSize(2);
    PowerSupply ac = supplies.get(0);
    assertThat(ac.name()).isEqualTo("AC");
    assertThat(ac.type()).isEqualTo(PowerSupply.MAINS);
    assertThat(ac.online()).isTrue();
    PowerSupply bat = supplies.get(1);
    assertThat(bat.isBattery()).isTrue();
    assertThat(bat.chargePercent()).isEqualTo(87.0);
    assertThat(bat.status()).isEqualTo("Discharging");
    assertThat(bat.powerWatts()).isEqualTo(8.25);
  }

  @Test
  void batteryChargeComesFromEnergyWhenCapacityIsMissing(@TempDir Path root) throws Exception {
    Path bat = java.nio.file.Files.createDirectories(root.resolve("class/power_supply/BAT1"));
    java.nio.file.Files.writeString(bat.resolve("type"), "Battery\n");
    java.nio.file.Files.writeString(bat.resolve("energy_now"), "30000000\n");
    java.nio.file.Files.writeString(bat.resolve("energy_full"), "40000000\n");

    assertThat(new SysfsPowerSupplyReader(root).read().get(0).chargePercent()).isEqualTo(75.0);
  }

  @Test
  void batteryCollectorReportsChargeAndPowerOfEachBattery() {
    Readings r = collect(new BatteryCollector(new SysfsPowerSupplyReader(Fixtures.sysfs("power"))));

    assertThat(r.values())
        .containsEntry("battery.bat0.charge", 87.0)
        .containsEntry("battery.bat0.power", 8.25);
  }

  @Test
  void emptyTreeGivesAbsentBatteryWithReason() {
    Readings r = collect(new BatteryCollector(new SysfsPowerSupplyReader(Fixtures.sysfs("empty"))));

    assertThat(r.values()).isEmpty();
    assertThat(r.sensors())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(BatteryCollector.NO_BATTERY_ID);
              assertThat(s.absentReason()).isNotBlank();
            });
  }

  @Test
  void readsLedsWithBrightness() {
    var leds = new LedReader(Fixtures.sysfs("leds")).leds();

    assertThat(leds).extracting(Led::name).containsExactly("input3::capslock", "platform::micmute");
    assertThat(leds.get(0).isOn()).isTrue();
    assertThat(leds.get(0).maxBrightness()).isEqualTo(1);
    assertThat(leds.get(1).isOn()).isFalse();
  }

  @Test
  void emptyTreeHasNoLedsAndNoPowerSupplies() {
    assertThat(new LedReader(Fixtures.sysfs("empty")).leds()).isEmpty();
    assertThat(new SysfsPowerSupplyReader(Fixtures.sysfs("empty")).read()).isEmpty();
  }
}
