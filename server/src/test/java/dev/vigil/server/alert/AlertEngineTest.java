package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rule engine alone, with a clock the test moves. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class AlertEngineTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TestHost host = new TestHost("h1", "rack-07");

  private AlertEngine engine(AlertDetector... detectors) {
    return new AlertEngine(List.of(detectors), new AlertBook("t"), clock);
  }

  private AlertEngine cpuHotEngine() {
    host.with(
        SensorInfo.present(
            "cpu.package.temperature",
            "CPU package",
            SensorKind.TEMPERATURE,
            SensorUnit.CELSIUS,
            "oshi"));
    return engine(new ThresholdDetector(DefaultRules.CPU_HOT));
  }

  private Sample sample(String sensorId, double value) {
    return new Sample(host.hostId(), clock.millis(), Map.of(sensorId, value));
  }

  private List<Alert> cpu(AlertEngine engine, double celsius) {
    return engine.onSample(host, sample("cpu.package.temperature", celsius));
  }

  @Test
  void thresholdRuleIsPendingUntilMinDurationThenFires() {
    AlertEngine engine = cpuHotEngine();

    assertThat(cpu(engine, 92.5))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.PENDING);
    clock.advance(Duration.ofSeconds(9));
    assertThat(cpu(engine, 92.5)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<Alert> fired = engine.tick();

    assertThat(fired)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.FIRING);
              assertThat(a.message()).isEqualTo("CPU package 92.5 °C ≥ 85 °C on rack-07");
              assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @Test
  void firingAlertStaysFiringBetweenClearAndThresholdAndResolvesBelowClear() {
    AlertEngine engine = cpuHotEngine();
    cpu(engine, 90);
    clock.advance(Duration.ofSeconds(10));
    assertThat(cpu(engine, 90))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.FIRING);

    assertThat(cpu(engine, 82)).isEmpty();
    assertThat(cpu(engine, 80)).isEmpty();
    List<Alert> resolved = cpu(engine, 79.9);

    assertThat(resolved)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.resolvedAtMs()).isEqualTo(clock.millis());
            });
    assertThat(engine.alerts())
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void pendingAlertThatClearsBeforeDurationResolvesWithoutFiringAndIsNotKept() {
    AlertEngine engine = cpuHotEngine();
    cpu(engine, 90);
    clock.advance(Duration.ofSeconds(5));

    List<Alert> changes = cpu(engine, 84);

    assertThat(changes)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.firingAtMs()).isNull();
            });
    assertThat(engine.alerts()).isEmpty();
  }

  @Test
  void resolvedAlertsAreForgottenAfterTheRetention() {
    AlertEngine engine = cpuHotEngine();
    cpu(engine, 90);
    clock.advance(Duration.ofSeconds(10));
    cpu(engine, 90);
    cpu(engine, 70);

    clock.advance(AlertBook.RESOLVED_RETENTION.plusSeconds(1));
    engine.tick();

    assertThat(engine.alerts()).isEmpty();
  }

  @Test
  void ruleMatchesHostGlobAndSensorKindOnly() {
    host.with(
        SensorInfo.present("gpu.0.temp", "GPU", SensorKind.TEMPERATURE, SensorUnit.CELSIUS, "t"));
    host.with(
        SensorInfo.present("gpu.0.load", "GPU load", SensorKind.LOAD, SensorUnit.PERCENT, "t"));
    AlertRule hot =
        AlertRule.above("gpu-hot", "gpu.?.*", 80, 75, Duration.ZERO, Severity.WARNING)
            .ofKind(SensorKind.TEMPERATURE);
    AlertEngine onRack = engine(new ThresholdDetector(hot.onHosts("rack-*")));
    AlertEngine onDb = engine(new ThresholdDetector(hot.onHosts("db-*")));
    Sample sample = new Sample("h1", 0, Map.of("gpu.0.temp", 90.0, "gpu.0.load", 95.0));

    assertThat(onRack.onSample(host, sample))
        .singleElement()
        .extracting(Alert::sensorId)
        .isEqualTo("gpu.0.temp");
    assertThat(onDb.onSample(host, sample)).isEmpty();
  }

  @Test
  void fanNeverSeenSpinningNeverAlerts() {
    host.with(SensorInfo.present("fan.sys2", "fan2", SensorKind.FAN, SensorUnit.RPM, "hwmon"));
    AlertEngine engine = engine(new FanStoppedDetector());

    engine.onSample(host, sample("fan.sys2", 0));
    clock.advance(Duration.ofMinutes(1));

    assertThat(engine.onSample(host, sample("fan.sys2", 0))).isEmpty();
    assertThat(engine.tick()).isEmpty();
  }

  @Test
  void fanThatWasSpinningAndStopsFiresAfterFiveSeconds() {
    host.with(SensorInfo.present("fan.cpu", "cpu_fan", SensorKind.FAN, SensorUnit.RPM, "hwmon"));
    AlertEngine engine = engine(new FanStoppedDetector());
    engine.onSample(host, sample("fan.cpu", 1200));

    engine.onSample(host, sample("fan.cpu", 40));
    clock.advance(FanStoppedDetector.MIN_DURATION);

    assertThat(engine.tick())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.FIRING);
              assertThat(a.message()).isEqualTo("Fan cpu_fan stopped: 40 rpm < 100 rpm on rack-07");
            });
  }

  @Test
  void voltageOutsideHardwareLimitsFiresAfterFiveSeconds() {
    host.with(
        new SensorInfo(
            "hwmon.nct6775.in0",
            "Vcore",
            SensorKind.VOLTAGE,
            SensorUnit.VOLTS,
            "hwmon",
            null,
            0.8,
            1.4));
    AlertEngine engine = engine(new VoltageRangeDetector());

    assertThat(engine.onSample(host, sample("hwmon.nct6775.in0", 1.2))).isEmpty();
    engine.onSample(host, sample("hwmon.nct6775.in0", 1.52));
    clock.advance(VoltageRangeDetector.MIN_DURATION);
    List<Alert> fired = engine.tick();

    assertThat(fired)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.FIRING);
              assertThat(a.message()).isEqualTo("Vcore 1.52 V outside 0.8 V – 1.4 V on rack-07");
              assertThat(a.threshold()).isEqualTo(1.4);
            });
    assertThat(engine.onSample(host, sample("hwmon.nct6775.in0", 1.3)))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void temperatureAtHardwareHighLimitFires() {
    host.with(
        new SensorInfo(
            "hwmon.k10temp.temp1",
            "Tctl",
            SensorKind.TEMPERATURE,
            SensorUnit.CELSIUS,
            "hwmon",
            null,
            null,
            95.0));
    AlertEngine engine = engine(new TemperatureLimitDetector());

    engine.onSample(host, sample("hwmon.k10temp.temp1", 96));
    clock.advance(TemperatureLimitDetector.MIN_DURATION);

    assertThat(engine.tick())
        .singleElement()
        .extracting(Alert::message)
        .isEqualTo("Tctl 96 °C ≥ hardware limit 95 °C on rack-07");
  }

  @Test
  void deviceRemovedFiresAtOnceNamingDeviceAndResolvesWhenItReturns() {
    AlertEngine engine = engine(new DeviceRemovedDetector());
    Device disk = new Device("disk:sdb", DeviceKind.DISK, "Backup disk", Map.of());

    List<Alert> removed =
        engine.onEvent(host, new DeviceEvent("h1", 1, EventKind.DEVICE_REMOVED, disk, null));
    List<Alert> back = engine.onInventory(host, new Inventory("h1", 2, List.of(disk)));

    assertThat(removed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.FIRING);
              assertThat(a.severity()).isEqualTo(Severity.WARNING);
              assertThat(a.message())
                  .isEqualTo("Disk removed from rack-07: Backup disk (disk:sdb)");
            });
    assertThat(back).singleElement().extracting(Alert::state).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void hostGoingOfflineEndsPendingSensorAlertsButNotFiringOnes() {
    AlertEngine engine = cpuHotEngine();
    cpu(engine, 90);

    host.state = HostState.OFFLINE;
    host.reason = "agent stopped";
    List<Alert> changes = engine.onHostState(host);

    assertThat(changes).singleElement().extracting(Alert::state).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void ruleWithClearThresholdOnTheWrongSideIsRejected() {
    assertThatThrownBy(() -> AlertRule.above("bad", "x", 80, 85, Duration.ZERO, Severity.INFO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clearThreshold");
  }
}
