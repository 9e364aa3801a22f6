package dev.vigil.server.support;

import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.server.config.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Shared fixtures: a relay config on free ports with known tokens, and hellos that match it. */
public final class TestRelays {
  public static final String AGENT_TOKEN = "agent-secret";
  public static final String ALICE_TOKEN = "alice-secret";
  public static final String BOB_TOKEN = "bob-secret";

  /** How long tests wait for something that should happen promptly. */
  public static final Duration WAIT = Duration.ofSeconds(5);

  private TestRelays() {}

  /** Ephemeral ports, known tokens, no default rules, data dir {@code dataDir}. */
  public static RelayConfig config(Path dataDir) {
    return RelayConfig.defaults()
        .withBindAddress("127.0.0.1")
        .withPort(0)
        .withHttpPort(0)
        .withAgentTokens(Set.of(AGENT_TOKEN))
        .withOperatorTokens(Map.of(ALICE_TOKEN, "alice", BOB_TOKEN, "bob"))
        .withRules(List.of())
        .withDataDir(dataDir);
  }

  public static Hello agentHello(String hostId) {
    return new Hello(
        Role.AGENT, AGENT_TOKEN, hostId, hostId + "-name", "test", Map.of(), false, "Linux test");
  }

  public static Hello dashboardHello(String token) {
    return new Hello(
        Role.DASHBOARD, token, "dash-" + UUID.randomUUID(), "dash", "test", null, null, null);
  }

  /** A catalog with one temperature sensor {@code test.temp} labelled "Test probe". */
  public static SensorCatalog temperatureCatalog(String hostId) {
    return new SensorCatalog(
        hostId,
        System.currentTimeMillis(),
        List.of(
            SensorInfo.present(
                "test.temp", "Test probe", SensorKind.TEMPERATURE, SensorUnit.CELSIUS, "test")));
  }

  public static Sample sample(String hostId, String sensorId, double value) {
    return new Sample(hostId, System.currentTimeMillis(), Map.of(sensorId, value));
  }

  /** Waits until {@code condition} holds, polling. */
  public static void awaitTrue(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    awaitTrue(what, condition, WAIT);
  }

  /** Waits up to {@code timeout} until {@code condition} holds, polling. */
  public static void awaitTrue(
      String what, java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
