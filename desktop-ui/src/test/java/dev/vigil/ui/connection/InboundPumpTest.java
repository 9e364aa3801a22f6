package dev.vigil.ui.connection;

import static dev.vigil.ui.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.Fixtures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The UI executor here is a plain queue the test runs by hand, standing in for {@code
 * Platform.runLater} so that "the UI thread is busy" can be expressed without a toolkit.
 */
@Timeout(10)
class InboundPumpTest {
  private final Queue<Runnable> uiQueue = new ArrayDeque<>();
  private final List<List<RelayEvent>> batches = new ArrayList<>();
  private final InboundPump pump = new InboundPump(uiQueue::add, batches::add);

  @Test
  void samplesForTheSameHostCoalesceToTheNewestWhileTheUiIsBusy() {
    pump.onRelayEvent(received(new Sample("h1", T0, Map.of("t", 1.0))));
    pump.onRelayEvent(received(new Sample("h2", T0, Map.of("t", 2.0))));
    pump.onRelayEvent(received(new Sample("h1", T0 + 1, Map.of("t", 3.0))));
    runUi();

    assertThat(batches).singleElement();
    assertThat(batches.get(0))
        .extracting(e -> ((Sample) ((RelayEvent.Received) e).message()).values().get("t"))
        .containsExactly(2.0, 3.0);
    assertThat(pump.coalescedSamples()).isEqualTo(1);
  }

  @Test
  void alertTransitionsAreNeverCoalesced() {
    Alert pending = Fixtures.alert("a", "h1", Severity.CRITICAL, AlertState.PENDING, T0);
    Alert firing = pending.withState(AlertState.FIRING, 91.0, T0 + 10, null);
    pump.onRelayEvent(received(pending));
    pump.onRelayEvent(received(firing));
    runUi();

    assertThat(batches.get(0))
        .extracting(e -> ((RelayEvent.Received) e).message())
        .containsExactly(pending, firing);
  }

  @Test
  void atMostOneDrainIsPendingOnTheUiThread() {
    for (int i = 0; i < 100; i++) {
      pump.onRelayEvent(new RelayEvent.RoundTrip(i));
    }
    assertThat(uiQueue).hasSize(1);
    runUi();
    pump.onRelayEvent(new RelayEvent.RoundTrip(1));

    assertThat(uiQueue).hasSize(1);
    assertThat(batches.get(0)).hasSize(100);
  }

  private void runUi() {
    Runnable task;
    while ((task = uiQueue.poll()) != null) {
      task.run();
    }
  }

  private static RelayEvent received(dev.vigil.protocol.Message message) {
    return new RelayEvent.Received(message);
  }
}
