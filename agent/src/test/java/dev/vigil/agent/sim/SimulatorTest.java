package dev.vigil.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.collect.Readings;
import dev.vigil.agent.inventory.InventoryDiff;
import dev.vigil.agent.testing.FakeRelay;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Hello;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simulator: repeatable for a seed, with the promised incidents, and labelled simulated. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatorTest {
  private static final int TICKS = 3_000;

  private static List<Map<String, Double>> run(long seed, int ticks) {
    SimulatedSensors sensors = new SimulatedSensors(seed);
    List<Map<String, Double>> out = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      Readings r = new Readings();
      sensors.collect(r);
      out.add(Map.copyOf(r.values()));
    }
    return out;
  }

  @Test
  void sameSeedGivesTheSameValues() {
    assertThat(run(42, 200)).isEqualTo(run(42, 200));
    assertThat(run(42, 200)).isNotEqualTo(run(43, 200));
  }

  @Test
  void producesHeatSpikesStoppedFansAndVoltagesOutOfRange() {
    List<Map<String, Double>> ticks = run(7, TICKS);

    assertThat(ticks).anyMatch(v -> v.get("cpu.package.temperature") > 90);
    assertThat(ticks).anyMatch(v -> v.get("hwmon.nct6775.fan3") == 0.0);
    assertThat(ticks)
        .anyMatch(
            v ->
                v.get("hwmon.nct6775.in0") > 1.4
                    || v.get("hwmon.nct6775.in0") < 1.0
                    || v.get("hwmon.nct6775.in1") > 12.6
                    || v.get("hwmon.nct6775.in1") < 11.4
                    || v.get("hwmon.nct6775.in2") > 5.25
                    || v.get("hwmon.nct6775.in2") < 4.75
                    || v.get("hwmon.nct6775.in3") > 3.465
                    || v.get("hwmon.nct6775.in3") < 3.135);
  }

  @Test
  void devicesComeAndGoLinksFlapAndLedsToggle() {
    SimulatedDevices devices = new SimulatedDevices(11, "sim-01");
    Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    Set<String> changed = new TreeSet<>();
    List<Device> before = devices.devices();
    for (int i = 0; i < 500; i++) {
      List<Device> after = devices.devices();
      for (DeviceEvent e : InventoryDiff.between(before, after, "h", i)) {
        kinds.add(e.kind());
        changed.addAll(e.previous().keySet());
      }
      before = after;
    }

    assertThat(kinds)
        .contains(
            EventKind.DEVICE_ADDED,
            EventKind.DEVICE_REMOVED,
            EventKind.DEVICE_CHANGED,
            EventKind.LED_CHANGED);
    assertThat(changed).contains("link");
  }

  @Test
  void simulatedHostsSayHelloAsSimulatedWithLabelAndNames(@TempDir Path stateDir) throws Exception {
    FakeRelay relay = FakeRelay.start("t", 60_000);
    AgentConfig base =
        AgentConfig.defaults()
            .withRelayUri(relay.uri())
            .withToken("t")
            .withStateDir(stateDir)
            .withSampleInterval(Duration.ofMillis(200));
    try (Simulator sim = Simulator.start(base, 3, 1)) {
      Set<String> names = new TreeSet<>();
      for (int i = 0; i < 3; i++) {
        Hello hello = relay.next(Hello.class, 10_000);
        assertThat(hello.isSimulated()).isTrue();
        assertThat(hello.labels()).containsEntry(Simulator.SIMULATED_LABEL, "true");
        names.add(hello.name());
      }
      assertThat(names).containsExactly("sim-01", "sim-02", "sim-03");
      assertThat(sim.agents()).extracting(a -> a.hostId()).doesNotHaveDuplicates();
    } finally {
      relay.shutdown();
    }
  }
}
