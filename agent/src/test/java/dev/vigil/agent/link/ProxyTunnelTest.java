package dev.vigil.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.agent.testing.FakeRelay;
import dev.vigil.agent.testing.Tinyproxy;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent's link through a real HTTP proxy (Debian's tinyproxy) to a WebSocket relay. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyTunnelTest {
  private static final String TOKEN = "agent-secret";

  @TempDir Path dir;

  @Test
  void agentReachesTheRelayThroughAnHttpConnectProxy() throws Exception {
    FakeRelay relay = FakeRelay.start(TOKEN, 60_000);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try (Tinyproxy proxy = Tinyproxy.start(dir);
        DiskSpool spool = DiskSpool.open(dir.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES)) {
      Hello hello =
          new Hello(Role.AGENT, TOKEN, "host-1", "host-1", "test", Map.of(), false, "Linux");
      RelayAgentLink link = new RelayAgentLink(relay.uri(), hello, spool, executor);
      link.useProxy(Optional.of(proxy.address()));
      link.start();

      boolean welcomed = link.awaitWelcome(Duration.ofSeconds(10));
      // On failure say where it stopped: did the CONNECT reach the proxy, and the relay?
      assertThat(welcomed)
          .as(
              "welcome through the proxy; connections at the relay: %s; proxy log: %s",
              relay.connectionCount(), proxy.log())
          .isTrue();
      assertThat(relay.next(Hello.class, 10_000).peerId()).isEqualTo("host-1");
      assertThat(proxy.log()).contains("CONNECT").contains(":" + relay.uri().getPort());
      link.close();
    } finally {
      executor.shutdownNow();
      relay.shutdown();
    }
  }
}
