package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RuleSelector;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Silence;
import dev.vigil.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rules in their protocol form, run by the engine with a clock the test moves. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RuleEngineTest {
  private static final String TEMP = "gpu.0.temperature";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TestHost host = new TestHost("h1", "rack-07");
  private final AlertBook book = new AlertBook("t");
  private final SilenceBook silences = new SilenceBook(clock, List.of());

  private AlertEngine engine(RuleDefinition... rules) {
    host.with(SensorInfo.present(TEMP, "GPU", SensorKind.TEMPERATURE, SensorUnit.CELSIUS, "test"));
    AlertEngine engine =
        new AlertEngine(RuleDefinitions.detectors(List.of(rules), false), book, clock);
    engine.silencer(silences);
    return engine;
  }

  private static RuleDefinition gpuHot(long minDurationMs, String template) {
    return new RuleDefinition(
        "gpu-hot",
        RuleKind.THRESHOLD,
        new RuleSelector("*", "gpu.*.temperature", null, null, null),
        Comparator.GREATER,
        90.0,
        85.0,
        minDurationMs,
        Severity.CRITICAL,
        template,
        null);
  }

  private static RuleDefinition event(String id, RuleKind kind, DeviceKind deviceKind) {
    return new RuleDefinition(
        id,
        kind,
        new RuleSelector(null, null, null, null, deviceKind),
        null,
        null,
        null,
        null,
        Severity.WARNING,
        null,
        null);
  }

  private List<Alert> gpu(AlertEngine engine, double celsius) {
    return engine.onSample(host, new Sample("h1", clock.millis(), Map.of(TEMP, celsius)));
  }

  private static DeviceEvent deviceEvent(EventKind kind, Device device) {
    return new DeviceEvent("h1", 1, kind, device, null);
  }

  private static final Device USB_STICK =
      new Device("usb:0781:5581:X", DeviceKind.USB, "SanDisk Ultra", Map.of());
  private static final Device DISK = new Device("disk:sdb", DeviceKind.DISK, "sdb", Map.of());

  @Test
  void hysteresisKeepsAFiringAlertUntilPastTheClearThreshold() {
    AlertEngine engine = engine(gpuHot(0, null));

    assertThat(gpu(engine, 91))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.FIRING);
    assertThat(gpu(engine, 86)).isEmpty();
    assertThat(gpu(engine, 85))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void strictComparatorDoesNotFireAtTheThresholdItself() {
    AlertEngine engine = engine(gpuHot(0, null));

    assertThat(gpu(engine, 90)).isEmpty();
  }

  @Test
  void minimumDurationHoldsTheAlertPendingThenTheTickFiresIt() {
    AlertEngine engine = engine(gpuHot(5_000, null));

    assertThat(gpu(engine, 95))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.PENDING);
    clock.advance(Duration.ofMillis(4_999));
    assertThat(engine.tick()).isEmpty();
    clock.advance(Duration.ofMillis(1));

    assertThat(engine.tick()).singleElement().extracting(Alert::state).isEqualTo(AlertState.FIRING);
  }

  @Test
  void conditionEndingBeforeTheMinimumDurationNeverFires() {
    AlertEngine engine = engine(gpuHot(5_000, null));
    gpu(engine, 95);
    clock.advance(Duration.ofSeconds(2));

    Alert ended = gpu(engine, 80).get(0);

    assertThat(ended.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(ended.firingAtMs()).isNull();
  }

  @Test
  void everyPushSaysWhenAndByWhomTheAlertChanged() {
    AlertEngine engine = engine(gpuHot(0, null));

    Alert fired = gpu(engine, 95).get(0);

    assertThat(fired.changedAtMs()).isEqualTo(clock.millis());
    assertThat(fired.changedBy()).isEqualTo(Alert.CHANGED_BY_RELAY);
    clock.advance(Duration.ofSeconds(1));
    Alert acked = engine.acknowledge(fired.id(), "alice", "on it").alert();
    assertThat(acked.changedAtMs()).isEqualTo(clock.millis());
    assertThat(acked.changedBy()).isEqualTo("alice");
  }

  @Test
  void messageTemplateFillsItsPlaceholders() {
    AlertEngine engine =
        engine(gpuHot(0, "{sensor} at {value} over {threshold} on {host} ({rule})"));

    assertThat(gpu(engine, 95.5).get(0).message())
        .isEqualTo("GPU at 95.5 °C over 90 °C on rack-07 (gpu-hot)");
  }

  @Test
  void flappingAlertIsHeldFiringAndMarkedUntilStableForTheWindow() {
    AlertEngine engine = engine(gpuHot(0, null));
    List<Alert> pushed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pushed.addAll(gpu(engine, 95));
      clock.advance(Duration.ofSeconds(10));
      pushed.addAll(gpu(engine, 80));
      clock.advance(Duration.ofSeconds(10));
    }

    Alert last = pushed.get(pushed.size() - 1);
    assertThat(last.state()).isEqualTo(AlertState.FIRING);
    assertThat(last.isFlapping()).isTrue();
    assertThat(gpu(engine, 95)).isEmpty();
    assertThat(gpu(engine, 80)).isEmpty();
    clock.advance(FlapHistory.FLAP_WINDOW.minusSeconds(1));
    assertThat(engine.tick()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.tick())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.isFlapping()).isFalse();
            });
  }

  @Test
  void alertThatChangesLessThanTheFlapLimitIsNotFlapping() {
    AlertEngine engine = engine(gpuHot(0, null));
    gpu(engine, 95);
    gpu(engine, 80);
    gpu(engine, 95);

    assertThat(gpu(engine, 80))
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
  }

  @Test
  void matchingSilenceMarksTheAlertSilencedAndItsExpiryTakesTheMarkAway() {
    AlertEngine engine = engine(gpuHot(0, null));
    silences.put(
        new Silence(
            null, "rack-*", "gpu.*", null, "maintenance", clock.millis() + 60_000, null, null),
        "bob");

    Alert fired = gpu(engine, 95).get(0);
    assertThat(fired.isSilenced()).isTrue();
    assertThat(fired.state()).isEqualTo(AlertState.FIRING);
    clock.advance(Duration.ofMinutes(1));
    assertThat(silences.expire()).isTrue();

    assertThat(engine.restamp(Alert.CHANGED_BY_RELAY))
        .singleElement()
        .satisfies(a -> assertThat(a.isSilenced()).isFalse());
  }

  @Test
  void silenceForAnotherRuleDoesNotSilence() {
    AlertEngine engine = engine(gpuHot(0, null));
    silences.put(
        new Silence(null, "*", null, "cpu-hot", "", clock.millis() + 60_000, null, null), "bob");

    assertThat(gpu(engine, 95).get(0).isSilenced()).isFalse();
  }

  @Test
  void expiredAcknowledgementOfAFiringAlertIsTakenAwayAndPushed() {
    AlertEngine engine = engine(gpuHot(0, null));
    Alert fired = gpu(engine, 95).get(0);
    engine.acknowledge(fired.id(), "alice", "looking", clock.millis() + 30_000);
    clock.advance(Duration.ofSeconds(29));
    assertThat(engine.tick()).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    assertThat(engine.tick())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ack()).isNull();
              assertThat(a.state()).isEqualTo(AlertState.FIRING);
              assertThat(a.changedBy()).isEqualTo(Alert.CHANGED_BY_RELAY);
            });
  }

  @Test
  void acknowledgementExpiringInThePastIsRefused() {
    AlertEngine engine = engine(gpuHot(0, null));
    Alert fired = gpu(engine, 95).get(0);

    assertThat(engine.acknowledge(fired.id(), "alice", "", clock.millis()).error())
        .startsWith("expiresAtMs " + clock.millis() + " is not in the future");
  }

  @Test
  void anyUsbStorageDeviceAddedFiresAtOnceAndResolvesWhenRemoved() {
    AlertEngine engine = engine(event("usb-added", RuleKind.DEVICE_ADDED, DeviceKind.USB));

    Alert added = engine.onEvent(host, deviceEvent(EventKind.DEVICE_ADDED, USB_STICK)).get(0);
    assertThat(added.state()).isEqualTo(AlertState.FIRING);
    assertThat(added.message())
        .isEqualTo("USB device SanDisk Ultra (usb:0781:5581:X) added to rack-07");

    assertThat(engine.onEvent(host, deviceEvent(EventKind.DEVICE_REMOVED, USB_STICK)))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void deviceRuleIgnoresOtherDeviceKinds() {
    AlertEngine engine = engine(event("usb-added", RuleKind.DEVICE_ADDED, DeviceKind.USB));

    assertThat(engine.onEvent(host, deviceEvent(EventKind.DEVICE_ADDED, DISK))).isEmpty();
  }

  @Test
  void deviceRemovedRuleFiresOnRemoval() {
    AlertEngine engine = engine(event("disk-gone", RuleKind.DEVICE_REMOVED, DeviceKind.DISK));

    assertThat(engine.onEvent(host, deviceEvent(EventKind.DEVICE_REMOVED, DISK)))
        .singleElement()
        .extracting(Alert::message)
        .isEqualTo("Disk sdb (disk:sdb) removed from rack-07");
  }

  @Test
  void ledChangedRuleFiresOnAChangeAndResolvesWhenTheLedIsBack() {
    AlertEngine engine = engine(event("led", RuleKind.LED_CHANGED, null));
    Device on = new Device("led:caps", DeviceKind.LED, "caps", Map.of("brightness", "1"));
    Device off = new Device("led:caps", DeviceKind.LED, "caps", Map.of("brightness", "0"));

    assertThat(
            engine.onEvent(
                host,
                new DeviceEvent("h1", 1, EventKind.LED_CHANGED, on, Map.of("brightness", "0"))))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.FIRING);
    assertThat(
            engine.onEvent(
                host,
                new DeviceEvent("h1", 2, EventKind.LED_CHANGED, off, Map.of("brightness", "1"))))
        .singleElement()
        .extracting(Alert::state)
        .isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void labelSelectorSkipsHostsWithoutTheLabel() {
    RuleDefinition rack =
        new RuleDefinition(
            "rack-a3-usb",
            RuleKind.DEVICE_ADDED,
            new RuleSelector(null, null, null, Map.of("rack", "a3"), null),
            null,
            null,
            null,
            null,
            Severity.INFO,
            null,
            null);
    AlertEngine engine = engine(rack);
    host.labels = Map.of("rack", "b1");

    assertThat(engine.onEvent(host, deviceEvent(EventKind.DEVICE_ADDED, USB_STICK))).isEmpty();
    host.labels = Map.of("rack", "a3");
    assertThat(engine.onEvent(host, deviceEvent(EventKind.DEVICE_ADDED, USB_STICK))).hasSize(1);
  }

  @Test
  void agentOfflineAlertNamesTheHostAndSaysTheAgentStopped() {
    AlertEngine engine = engine(RuleDefinitions.agentOffline(Duration.ZERO));
    host.state = HostState.OFFLINE;
    host.reason = "agent stopped (shut down)";

    Alert offline = engine.onHostState(host).get(0);

    assertThat(offline.reason()).isEqualTo(AgentOfflineDetector.AGENT_STOPPED);
    assertThat(offline.message()).isEqualTo("Agent on rack-07 offline: agent stopped (shut down)");
  }

  @Test
  void agentOfflineAlertSaysTheLinkWasLostWhenTheConnectionDropped() {
    AlertEngine engine = engine(RuleDefinitions.agentOffline(Duration.ZERO));
    host.state = HostState.OFFLINE;
    host.reason = "connection dropped (close code 1006)";

    Alert offline = engine.onHostState(host).get(0);

    assertThat(offline.reason()).isEqualTo(AgentOfflineDetector.LINK_LOST);
    assertThat(offline.message())
        .isEqualTo("Agent on rack-07 offline: link lost (connection dropped (close code 1006))");
  }

  @Test
  void deletedRuleResolvesItsOpenAlertsInTheNameOfWhoDeletedIt() {
    AlertEngine engine = engine(gpuHot(0, null));
    gpu(engine, 95);

    assertThat(engine.resolveRule("gpu-hot", "carol"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.changedBy()).isEqualTo("carol");
            });
  }
}
