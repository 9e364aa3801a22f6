package dev.vigil.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.testing.Await;
import dev.vigil.agent.testing.FakeRelay;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's link against a real Java-WebSocket server on a free port playing the relay; the agent
 * reads real OSHI against the empty fixture sysfs tree.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentLinkTest {
  private static final String TOKEN = "agent-secret";
  private static final long LONG_HEARTBEAT_MS = 60_000;
  private static final long WAIT_MS = 10_000;

  @TempDir Path stateDir;
  private FakeRelay relay;
  private final List<Agent> agents = new ArrayList<>();

  @BeforeEach
  void startRelay() throws InterruptedException {
    relay = FakeRelay.start(TOKEN, LONG_HEARTBEAT_MS);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    agents.forEach(Agent::close);
    relay.shutdown();
  }

  private Agent start(AgentConfig config) {
    Agent agent = Agent.start(config);
    agents.add(agent);
    return agent;
  }

  private AgentConfig config(String token) {
    return AgentConfig.defaults()
        .withRelayUri(relay.uri())
        .withToken(token)
        .withHostName("test-host")
        .withLabels(Map.of("rack", "a3"))
        .withSampleInterval(Duration.ofMillis(200))
        .withStateDir(stateDir)
        .withSysfsRoot(Fixtures.sysfs("empty"));
  }

  @Test
  void agentSendsHelloWithTokenAndPersistedHostIdThenCatalogInventoryAndSamples() throws Exception {
    Agent agent = start(config(TOKEN));

    Hello hello = relay.next(Hello.class, WAIT_MS);
    assertThat(hello.role()).isEqualTo(Role.AGENT);
    assertThat(hello.token()).isEqualTo(TOKEN);
    assertThat(hello.peerId()).isEqualTo(agent.hostId());
    assertThat(Files.readString(stateDir.resolve("host-id")).trim()).isEqualTo(agent.hostId());
    assertThat(hello.name()).isEqualTo("test-host");
    assertThat(hello.labels()).containsEntry("rack", "a3");
    assertThat(hello.isSimulated()).isFalse();
    assertThat(agent.awaitConnected(Duration.ofSeconds(10))).isTrue();

    List<Message> after = new ArrayList<>();
    while (after.stream().noneMatch(m -> m instanceof Sample)) {
      after.add(relay.received.poll(WAIT_MS, TimeUnit.MILLISECONDS).envelope().body());
    }
    int catalogAt = indexOf(after, SensorCatalog.class);
    int inventoryAt = indexOf(after, Inventory.class);
    int sampleAt = indexOf(after, Sample.class);
    assertThat(catalogAt).isNotNegative().isLessThan(sampleAt);
    assertThat(inventoryAt).isNotNegative().isLessThan(sampleAt);
    SensorCatalog catalog = (SensorCatalog) after.get(catalogAt);
    assertThat(catalog.hostId()).isEqualTo(agent.hostId());
    assertThat(catalog.sensors()).anyMatch(s -> s.id().equals("cpu.package.temperature"));
    assertThat(((Sample) after.get(sampleAt)).hostId()).isEqualTo(agent.hostId());
  }

  @Test
  void agentReconnectsAfterRelayDropsIt() throws Exception {
    Agent agent = start(config(TOKEN));
    assertThat(agent.awaitConnected(Duration.ofSeconds(10))).isTrue();
    relay.next(Hello.class, WAIT_MS);

    relay.dropAll();

    Hello again = relay.next(Hello.class, WAIT_MS);
    assertThat(again.peerId()).isEqualTo(agent.hostId());
    assertThat(relay.connectionCount()).isEqualTo(2);
    assertThat(relay.next(SensorCatalog.class, WAIT_MS).hostId()).isEqualTo(agent.hostId());
  }

  @Test
  void agentStopsRetryingWhenRelayRejectsItsToken() throws Exception {
    Agent agent = start(config("wrong-token"));

    assertThat(Await.until(() -> agent.linkFailure().isPresent(), Duration.ofSeconds(10))).isTrue();
    assertThat(agent.linkFailure().get()).contains(String.valueOf(CloseCodes.UNAUTHORIZED));
    int attempts = relay.connectionCount();
    // Backoff would retry within 0.5 s; well past that, no new connection may have come.
    assertThat(Await.until(() -> relay.connectionCount() > attempts, Duration.ofMillis(1500)))
        .isFalse();
    assertThat(agent.isConnected()).isFalse();
  }

  @Test
  void hostIdSurvivesAgentRestart() throws Exception {
    Agent first = start(config(TOKEN));
    String id = relay.next(Hello.class, WAIT_MS).peerId();
    first.close();

    start(config(TOKEN));

    assertThat(relay.next(Hello.class, WAIT_MS).peerId()).isEqualTo(id);
  }

  @Test
  void agentDropsASilentRelayAndReconnects() throws Exception {
    relay.shutdown();
    relay = FakeRelay.start(TOKEN, 100);
    relay.answerPings = false;
    start(config(TOKEN));
    relay.next(Hello.class, WAIT_MS);

    assertThat(relay.closeCodes.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isNotNull();
    relay.next(Hello.class, WAIT_MS);
    assertThat(relay.connectionCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void closingTheAgentSaysGoodbyeAndTheLinkClosesNormally() throws Exception {
    Agent agent = start(config(TOKEN));
    assertThat(agent.awaitConnected(Duration.ofSeconds(10))).isTrue();

    agent.close();

    assertThat(relay.next(Goodbye.class, WAIT_MS).reason()).isEqualTo("shut down");
    assertThat(relay.closeCodes.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(CloseCodes.NORMAL);
  }

  private static int indexOf(List<Message> messages, Class<?> type) {
    for (int i = 0; i < messages.size(); i++) {
      if (type.isInstance(messages.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
