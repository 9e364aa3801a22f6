package dev.vigil.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class TransportLadderTest {
  @Test
  void startsOnWebSocket() {
    assertThat(TransportLadder.forDashboard().current()).isEqualTo(Transport.WEBSOCKET);
  }

  @Test
  void oneFailureDoesNotStepDown() {
    TransportLadder ladder = TransportLadder.forDashboard();
    ladder.failed(Transport.WEBSOCKET);
    assertThat(ladder.current()).isEqualTo(Transport.WEBSOCKET);
  }

  @Test
  void repeatedFailuresStepDownOneRungAtATime() {
    TransportLadder ladder = TransportLadder.forDashboard();
    ladder.failed(Transport.WEBSOCKET);
    ladder.failed(Transport.WEBSOCKET);
    assertThat(ladder.current()).isEqualTo(Transport.SSE);
    ladder.failed(Transport.SSE);
    ladder.failed(Transport.SSE);
    assertThat(ladder.current()).isEqualTo(Transport.LONG_POLL);
  }

  @Test
  void lastRungFailingStartsOverAtTheTop() {
    TransportLadder ladder = TransportLadder.forAgent();
    for (int i = 0; i < 2 * TransportLadder.FAILURES_BEFORE_FALLBACK; i++) {
      ladder.failed(ladder.current());
    }
    assertThat(ladder.current()).isEqualTo(Transport.WEBSOCKET);
  }

  @Test
  void aWelcomeResetsTheFailureCount() {
    TransportLadder ladder = TransportLadder.forDashboard();
    ladder.failed(Transport.WEBSOCKET);
    ladder.welcomed(Transport.WEBSOCKET);
    ladder.failed(Transport.WEBSOCKET);
    assertThat(ladder.current()).isEqualTo(Transport.WEBSOCKET);
  }

  @Test
  void aFailedProbeDoesNotMoveTheLadder() {
    TransportLadder ladder = TransportLadder.forDashboard();
    ladder.failed(Transport.WEBSOCKET);
    ladder.failed(Transport.WEBSOCKET);
    ladder.welcomed(Transport.SSE);
    ladder.failed(Transport.WEBSOCKET);
    ladder.failed(Transport.WEBSOCKET);
    assertThat(ladder.current()).isEqualTo(Transport.SSE);
  }

  @Test
  void probesCycleThroughBetterTransportsBestFirst() {
    TransportLadder ladder = TransportLadder.forDashboard();
    ladder.welcomed(Transport.LONG_POLL);
    assertThat(ladder.probeCandidate()).contains(Transport.WEBSOCKET);
    assertThat(ladder.probeCandidate()).contains(Transport.SSE);
    assertThat(ladder.probeCandidate()).contains(Transport.WEBSOCKET);
  }

  @Test
  void noProbeOnTheBestTransport() {
    assertThat(TransportLadder.forDashboard().probeCandidate()).isEmpty();
  }

  @Test
  void aWelcomedProbeMovesTheLadderUp() {
    TransportLadder ladder = TransportLadder.forDashboard();
    ladder.welcomed(Transport.LONG_POLL);
    ladder.welcomed(Transport.WEBSOCKET);
    assertThat(ladder.onBest()).isTrue();
  }
}
