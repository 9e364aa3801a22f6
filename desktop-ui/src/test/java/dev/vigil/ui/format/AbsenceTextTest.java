package dev.vigil.ui.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AbsenceTextTest {

  @Test
  void causeIsTheParenthesisedPartUpToItsColon() {
    assertThat(AbsenceText.causeOf("no CPU temperature sensor exposed (virtual machine: KVM)"))
        .isEqualTo("virtual machine");
    assertThat(
            AbsenceText.causeOf("no hwmon chips under /sys/class/hwmon (no sensor driver loaded)"))
        .isEqualTo("no sensor driver loaded");
  }

  @Test
  void causeWithoutParenthesesIsTheFirstClause() {
    assertThat(AbsenceText.causeOf("read failed: permission denied")).isEqualTo("read failed");
    assertThat(AbsenceText.causeOf(" no swap configured ")).isEqualTo("no swap configured");
  }

  @Test
  void briefNamesEachDistinctCauseOnceMostFrequentFirst() {
    List<SensorInfo> sensors =
        List.of(
            fan("fan.1", "read failed: EIO"),
            fan("fan.2", "no fans reported (virtual machine: Xen)"),
            fan("fan.3", "fan channel hidden (virtual machine: Xen)"));

    assertThat(AbsenceText.brief("fan", sensors))
        .isEqualTo("No fan sensors (virtual machine; read failed)");
  }

  @Test
  void fullKeepsEveryDistinctReason() {
    List<SensorInfo> sensors =
        List.of(fan("fan.1", "no fans reported"), fan("fan.2", "no fans reported"));

    assertThat(AbsenceText.full("fan", sensors)).isEqualTo("No fan sensors: no fans reported");
  }

  @Test
  void withoutReasonsBothSayOnlyThatThereAreNone() {
    List<SensorInfo> sensors = List.of(fan("fan.1", " "));

    assertThat(AbsenceText.brief("fan", sensors)).isEqualTo("No fan sensors");
    assertThat(AbsenceText.full("fan", sensors)).isEqualTo("No fan sensors");
  }

  private static SensorInfo fan(String id, String reason) {
    return SensorInfo.absent(id, id, SensorKind.FAN, SensorUnit.RPM, "oshi", reason);
  }
}
