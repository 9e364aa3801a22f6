package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DeliveryLedgerTest {
  @Test
  void secondDeliveryOfTheSameMessageToTheSameDashboardIsADuplicate() {
    DeliveryLedger ledger = new DeliveryLedger(3, 2, 10);

    assertThat(ledger.record(1, 2, 7)).isEqualTo(DeliveryLedger.Outcome.FIRST);
    assertThat(ledger.record(1, 2, 7)).isEqualTo(DeliveryLedger.Outcome.DUPLICATE);
    assertThat(ledger.record(0, 2, 7)).isEqualTo(DeliveryLedger.Outcome.FIRST);
  }

  @Test
  void receivedCountsOnlyTheAskedRangeAcrossWordBoundaries() {
    DeliveryLedger ledger = new DeliveryLedger(2, 1, 200);
    for (long seq = 1; seq <= 200; seq += 2) {
      ledger.record(0, 1, seq);
    }
    ledger.record(0, 0, 64);

    assertThat(ledger.received(0, 1, 1, 200)).isEqualTo(100);
    assertThat(ledger.received(0, 1, 60, 131)).isEqualTo(36);
    assertThat(ledger.received(0, 0, 64, 64)).isEqualTo(1);
    assertThat(ledger.received(0, 0, 1, 63)).isZero();
  }

  @Test
  void sequenceOutsideTheLedgerIsOutOfRange() {
    DeliveryLedger ledger = new DeliveryLedger(1, 1, 5);

    assertThat(ledger.record(0, 0, 0)).isEqualTo(DeliveryLedger.Outcome.OUT_OF_RANGE);
    assertThat(ledger.record(0, 0, 6)).isEqualTo(DeliveryLedger.Outcome.OUT_OF_RANGE);
    assertThat(ledger.record(0, 1, 1)).isEqualTo(DeliveryLedger.Outcome.OUT_OF_RANGE);
  }

  @Test
  void ledgerStartingLaterCountsOlderMessagesAsEarlierAndPlacesItsOwnAcrossWords() {
    DeliveryLedger ledger = new DeliveryLedger(1, 1, 101, 300);

    assertThat(ledger.record(0, 0, 100)).isEqualTo(DeliveryLedger.Outcome.EARLIER);
    assertThat(ledger.record(0, 0, 101)).isEqualTo(DeliveryLedger.Outcome.FIRST);
    assertThat(ledger.record(0, 0, 300)).isEqualTo(DeliveryLedger.Outcome.FIRST);
    assertThat(ledger.record(0, 0, 301)).isEqualTo(DeliveryLedger.Outcome.OUT_OF_RANGE);
    assertThat(ledger.received(0, 0, 1, 1_000)).isEqualTo(2);
    assertThat(ledger.received(0, 0, 102, 299)).isZero();
  }
}
