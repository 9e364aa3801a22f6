package dev.vigil.ui.connection;

import static dev.vigil.ui.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConnectionBarViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final List<String> reconnects = new ArrayList<>();
  private final ConnectionBarViewModel bar =
      new ConnectionBarViewModel(state, clock, (url, token) -> reconnects.add(url + "|" + token));

  @Test
  void reconnectCountdownFollowsTheClock() {
    state.apply(
        List.of(
            new RelayEvent.StatusChanged(
                ConnectionStatus.reconnecting("connection dropped", T0 + 4_500))));
    assertThat(bar.getStateText()).isEqualTo("reconnecting in 5 s (connection dropped)");

    clock.advance(2_000);
    bar.refresh();

    assertThat(bar.getStateText()).isEqualTo("reconnecting in 3 s (connection dropped)");
    assertThat(bar.getPhase()).isEqualTo(ConnectionPhase.RECONNECTING);
  }

  @Test
  void rejectedTokenIsShownAsFailed() {
    state.apply(List.of(new RelayEvent.StatusChanged(ConnectionStatus.failed("token rejected"))));

    assertThat(bar.getStateText()).isEqualTo("failed: token rejected");
  }

  @Test
  void roundTripAndLastUpdateAreShown() {
    Fixtures.connect(state);
    state.apply(List.of(new RelayEvent.RoundTrip(7)));
    Fixtures.apply(state, Fixtures.online("h1", "a"));
    clock.advance(3_000);
    bar.refresh();

    assertThat(bar.getRoundTripText()).isEqualTo("RTT 7 ms");
    assertThat(bar.getLastUpdateText()).isEqualTo("last update 3 s ago");
  }

  @Test
  void unusableRelayUrlIsRejectedWithoutReconnecting() {
    assertThat(bar.connectTo("http://relay:8787", "t"))
        .contains("relay URL must start with ws:// or wss://, got 'http://relay:8787'");
    assertThat(reconnects).isEmpty();
  }

  @Test
  void usableRelayUrlReconnects() {
    assertThat(bar.connectTo(" ws://relay:8787 ", " tok ")).isEmpty();

    assertThat(reconnects).containsExactly("ws://relay:8787|tok");
    assertThat(bar.getRelayUrl()).isEqualTo("ws://relay:8787");
  }
}
