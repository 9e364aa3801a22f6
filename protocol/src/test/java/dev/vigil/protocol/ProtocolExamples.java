package dev.vigil.protocol;

import java.util.List;
import java.util.Map;

/** One realistic example of every message type, shared by the codec tests. */
final class ProtocolExamples {
  private ProtocolExamples() {}

  static List<Message> everyMessage() {
    SensorInfo tctl =
        new SensorInfo(
            "hwmon.k10temp.temp1",
            "Tctl",
            SensorKind.TEMPERATURE,
            SensorUnit.CELSIUS,
            "/sys/class/hwmon/hwmon1",
            null,
            null,
            95.0);
    SensorInfo vcore =
        new SensorInfo(
            "hwmon.nct6775.in0",
            "Vcore",
            SensorKind.VOLTAGE,
            SensorUnit.VOLTS,
            "/sys/class/hwmon/hwmon2",
            null,
            0.8,
            1.5);
    SensorInfo fan =
        SensorInfo.absent(
            "fan.0",
            "fan 0",
            SensorKind.FAN,
            SensorUnit.RPM,
            "oshi",
            "no fans reported: virtual machine (KVM)");
    SensorCatalog catalog =
        new SensorCatalog("host-1", 1_700_000_000_000L, List.of(tctl, vcore, fan));
    Sample sample =
        new Sample(
            "host-1",
            1_700_000_001_000L,
            Map.of("hwmon.k10temp.temp1", 54.25, "hwmon.nct6775.in0", 1.224));
    Device usb =
        new Device(
            "usb:0781:5581:4C530001",
            DeviceKind.USB,
            "SanDisk Ultra",
            Map.of("vendorId", "0781", "productId", "5581", "serial", "4C530001"));
    Device led =
        new Device(
            "led:input3::capslock", DeviceKind.LED, "input3::capslock", Map.of("brightness", "1"));
    Inventory inventory = new Inventory("host-1", 1_700_000_000_500L, List.of(usb, led));
    DeviceEvent event =
        new DeviceEvent(
            "host-1", 1_700_000_002_000L, EventKind.LED_CHANGED, led, Map.of("brightness", "0"));
    HostStatus status =
        new HostStatus(
            "host-1",
            "rack-07",
            HostState.ONLINE,
            1_700_000_002_000L,
            Map.of("rack", "a3"),
            false,
            "Linux 6.1 amd64",
            null);
    Alert alert =
        new Alert(
            "a-1",
            "cpu-hot",
            "host-1",
            "rack-07",
            "cpu.package.temperature",
            Severity.CRITICAL,
            AlertState.FIRING,
            "CPU package 92.5 °C ≥ 85 °C on rack-07",
            92.5,
            85.0,
            1_700_000_000_000L,
            1_700_000_010_000L,
            null,
            new Acknowledgement(
                "alice", 1_700_000_020_000L, "looking at the fan", 1_700_003_600_000L),
            1_700_000_020_000L,
            "alice",
            true,
            null,
            null);
    RuleDefinition usbAdded =
        new RuleDefinition(
            "usb-storage-added",
            RuleKind.DEVICE_ADDED,
            new RuleSelector("*", null, null, Map.of("rack", "a3"), DeviceKind.USB),
            null,
            null,
            null,
            null,
            Severity.WARNING,
            "USB device {device} added on {host}",
            null);
    RuleDefinition gpuHot =
        new RuleDefinition(
            "gpu-hot",
            RuleKind.THRESHOLD,
            new RuleSelector("rack-*", "gpu.*.temperature", SensorKind.TEMPERATURE, null, null),
            Comparator.GREATER_OR_EQUAL,
            90.0,
            85.0,
            10_000L,
            Severity.CRITICAL,
            "{sensor} {value} on {host}",
            "GPU hot");
    Silence silence =
        new Silence(
            "s-1",
            "rack-07",
            "cpu.*",
            null,
            "replacing the fan",
            1_700_007_200_000L,
            "alice",
            1_700_000_030_000L);
    TokenInfo configOperator =
        new TokenInfo(
            "1951d6444eae",
            TokenKind.OPERATOR,
            "root",
            "admin",
            TokenSource.CONFIG,
            null,
            null,
            "set in the relay's configuration; change it there");
    TokenInfo ciAgent =
        new TokenInfo(
            "c997f6620f7c",
            TokenKind.AGENT,
            "ci runners",
            null,
            TokenSource.MANAGED,
            1_700_000_040_000L,
            "ada",
            null);
    return List.of(
        new Hello(
            Role.AGENT,
            "secret",
            "host-1",
            "rack-07",
            "0.1.0",
            Map.of("rack", "a3"),
            false,
            "Linux",
            "e-7f3a",
            null,
            1_000L),
        Welcome.forAgent("relay-1", "s-1", 5000, 1_700_000_000_000L, "0.1.0", 41L),
        new Ping(1, 1_700_000_000_000L),
        new Pong(1, 1_700_000_000_000L),
        catalog,
        sample,
        inventory,
        event,
        status,
        new Snapshot(
            1_700_000_003_000L,
            List.of(new HostSnapshot(status, catalog, sample, inventory)),
            List.of(alert),
            List.of(event),
            List.of(gpuHot),
            List.of(silence)),
        alert,
        new Acknowledge("r-1", "a-1", "looking at the fan", 1_700_003_600_000L),
        Result.failure("r-1", "no alert with id a-9"),
        new ErrorNotice(CloseCodes.UNAUTHORIZED, "wrong token for role agent"),
        new Goodbye("service shutdown"),
        new Received("e-7f3a", 42),
        new Gap(1_200, 5_400, 4_200L, "the relay's replay buffer no longer holds #1201"),
        new Coalesced(9_000, 1_250),
        new Command("r-7", "host-1", CommandAction.SET_SAMPLE_INTERVAL, 5_000L),
        new RulePut("r-8", usbAdded),
        new RuleDelete("r-9", "gpu-hot"),
        new RuleList(List.of(gpuHot, usbAdded)),
        new SilencePut("r-10", silence),
        new SilenceDelete("r-11", "s-1"),
        new SilenceList(List.of(silence)),
        new TokenList(
            List.of(configOperator, ciAgent),
            List.of(
                new RevokedTokenInfo(
                    "5e2a91c07d3b", TokenKind.OPERATOR, "night shift", 1_700_007_200_000L, "ada"))),
        new TokenCreate("r-12", "agent", "ci runners", null),
        new TokenCreated("r-12", ciAgent, "q3Jw0mYl7n4T1cXo2vF8bH5sK9dLpZ6eA0uRiWgCtNE"),
        new TokenRevoke("r-13", "c997f6620f7c"));
  }

  static Message byType(MessageType type) {
    return everyMessage().stream().filter(m -> m.type() == type).findFirst().orElseThrow();
  }
}
