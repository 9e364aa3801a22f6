package dev.vigil.server.relay;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.BOB_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Commands from dashboards to agents through a real relay, and their results back. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CommandsTest {
  private static final String HOST = "rack-07";
  private static final Duration HEARTBEAT = Duration.ofMillis(100);

  @TempDir Path dataDir;
  private Relay relay;
  private ProtocolTestClient agent;

  @BeforeEach
  void start() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir).withHeartbeatInterval(HEARTBEAT));
    agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));
    agent.awaitMessage(Welcome.class, WAIT);
  }

  @AfterEach
  void stop() {
    relay.close();
  }

  private ProtocolTestClient dashboard(String token) throws Exception {
    ProtocolTestClient d = ProtocolTestClient.connect(relay.port(), dashboardHello(token));
    d.awaitMessage(Snapshot.class, WAIT);
    return d;
  }

  @Test
  void commandReachesTheAgentAndItsResultReturnsWithTheDashboardsOwnId() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);

    dashboard.send(new Command("mine-1", HOST, CommandAction.PING, null));
    Command forwarded = agent.awaitMessage(Command.class, WAIT);
    agent.send(Result.success(forwarded.requestId()));
    Result result = dashboard.awaitMessage(Result.class, WAIT);

    assertThat(forwarded.action()).isEqualTo(CommandAction.PING);
    assertThat(forwarded.requestId()).isNotEqualTo("mine-1");
    assertThat(result).isEqualTo(Result.success("mine-1"));
  }

  @Test
  void twoDashboardsUsingTheSameRequestIdEachGetTheirOwnResult() throws Exception {
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    ProtocolTestClient bob = dashboard(BOB_TOKEN);

    alice.send(new Command("r-1", HOST, CommandAction.PING, null));
    Command first = agent.awaitMessage(Command.class, WAIT);
    bob.send(new Command("r-1", HOST, CommandAction.REFRESH_INVENTORY, null));
    Command second = agent.awaitMessage(Command.class, WAIT);
    agent.send(Result.failure(second.requestId(), "no devices"));
    agent.send(Result.success(first.requestId()));

    assertThat(alice.awaitMessage(Result.class, WAIT)).isEqualTo(Result.success("r-1"));
    assertThat(bob.awaitMessage(Result.class, WAIT)).isEqualTo(Result.failure("r-1", "no devices"));
  }

  @Test
  void commandForAnUnknownHostIsRefusedByTheRelay() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);

    dashboard.send(new Command("r-1", "nowhere", CommandAction.PING, null));

    assertThat(dashboard.awaitMessage(Result.class, WAIT))
        .isEqualTo(Result.failure("r-1", "no host 'nowhere'"));
  }

  @Test
  void commandForAHostWhoseAgentIsGoneIsRefusedByTheRelay() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);
    agent.closeBlocking();
    TestRelays.awaitTrue("the host offline", () -> refusedAsNotConnected(dashboard));
  }

  private static boolean refusedAsNotConnected(ProtocolTestClient dashboard) {
    try {
      dashboard.send(new Command("probe", HOST, CommandAction.PING, null));
      Result r = dashboard.awaitMessage(Result.class, WAIT);
      return !r.ok() && r.error().equals("host 'rack-07' is not connected");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void sampleIntervalOutsideTheAllowedRangeIsRefusedWithTheRange() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);

    dashboard.send(new Command("r-1", HOST, CommandAction.SET_SAMPLE_INTERVAL, 10L));

    assertThat(dashboard.awaitMessage(Result.class, WAIT).error())
        .isEqualTo("sample interval must be 1000 to 60000 ms, got 10");
    assertThat(agent.pending(Command.class)).isEmpty();
  }

  @Test
  void commandTheAgentLeavesUnansweredFailsAfterTwoHeartbeats() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);

    dashboard.send(new Command("r-1", HOST, CommandAction.PING, null));
    agent.awaitMessage(Command.class, WAIT);

    assertThat(dashboard.awaitMessage(Result.class, WAIT))
        .isEqualTo(Result.failure("r-1", "the agent of 'rack-07' did not answer within 200 ms"));
  }

  @Test
  void agentSendingACommandIsClosedForItsRole() throws Exception {
    agent.send(new Command("r-1", HOST, CommandAction.PING, null));

    assertThat(agent.awaitClose(WAIT).code()).isEqualTo(CloseCodes.ROLE_VIOLATION);
  }
}
