package dev.vigil.ui.host;

import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.online;
import static dev.vigil.ui.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Result;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host page's commands. The relay link is replaced by a recording {@link
 * dev.vigil.ui.connection.MessageSender} (the seam the view model talks through); the path through
 * a real relay to a real agent is tested in the relay's {@code CommandsTest} and {@code
 * AgentToDashboardTest}.
 */
@Timeout(10)
class HostCommandsViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final List<Message> sent = new ArrayList<>();
  private boolean linkUp = true;
  private final HostCommandsViewModel commands =
      new HostCommandsViewModel(
          state,
          m -> {
            if (linkUp) {
              sent.add(m);
            }
            return linkUp;
          },
          clock);

  @BeforeEach
  void showOnlineHost() {
    apply(state, online("h1", "rack-01"));
    commands.showHost("h1");
  }

  private Command lastCommand() {
    return (Command) sent.get(sent.size() - 1);
  }

  @Test
  void pingGoesToTheShownHostAndReportsTheRoundTrip() {
    commands.ping();
    clock.advance(42);
    apply(state, Result.success(lastCommand().requestId()));

    assertThat(lastCommand().hostId()).isEqualTo("h1");
    assertThat(lastCommand().action()).isEqualTo(CommandAction.PING);
    assertThat(commands.getFeedback()).isEqualTo("Agent answered in 42 ms");
  }

  @Test
  void sampleIntervalIsSentInMillisecondsAndConfirmed() {
    commands.setSampleInterval(10);
    apply(state, Result.success(lastCommand().requestId()));

    assertThat(lastCommand().intervalMs()).isEqualTo(10_000L);
    assertThat(commands.getFeedback()).isEqualTo("Sampling every 10 s");
  }

  @Test
  void failedResultShowsTheRelaysReason() {
    commands.refreshInventory();
    apply(
        state,
        Result.failure(
            lastCommand().requestId(), "the agent of 'h1' did not answer within 10000 ms"));

    assertThat(commands.getFeedback())
        .isEqualTo("Inventory refresh failed: the agent of 'h1' did not answer within 10000 ms");
  }

  @Test
  void aResultForSomeoneElsesRequestChangesNothing() {
    commands.ping();
    apply(state, Result.success("not-ours"));

    assertThat(commands.getFeedback()).isEqualTo("Ping…");
  }

  @Test
  void commandsAreUnavailableWhileTheHostIsOffline() {
    assertThat(commands.isAvailable()).isTrue();

    apply(state, status("h1", HostState.OFFLINE, T0, "agent stopped"));

    assertThat(commands.isAvailable()).isFalse();
  }

  @Test
  void withTheLinkDownNothingIsSentAndTheFeedbackSaysSo() {
    linkUp = false;

    commands.ping();

    assertThat(sent).isEmpty();
    assertThat(commands.getFeedback()).isEqualTo("Not connected to the relay: Ping not sent");
  }
}
