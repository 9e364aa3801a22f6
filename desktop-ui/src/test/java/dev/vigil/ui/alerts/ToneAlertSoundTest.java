package dev.vigil.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneAlertSoundTest {
  private static short sampleAt(byte[] pcm, int i) {
    return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
  }

  @Test
  void criticalChimeHasThreeTonesAndWarningTwo() {
    int perTone = ToneAlertSound.SAMPLE_RATE_HZ * ToneAlertSound.TONE_MS / 1000;
    assertThat(ToneAlertSound.chime(new double[] {660, 880, 1320})).hasSize(perTone * 3 * 2);
    assertThat(ToneAlertSound.chime(new double[] {660, 880})).hasSize(perTone * 2 * 2);
  }

  @Test
  void chimeIsAudibleButNeverLouderThanItsVolume() {
    byte[] pcm = ToneAlertSound.chime(new double[] {880});
    int peak = 0;
    for (int i = 0; i < pcm.length / 2; i++) {
      peak = Math.max(peak, Math.abs(sampleAt(pcm, i)));
    }
    assertThat(peak).isGreaterThan((int) (0.2 * Short.MAX_VALUE));
    assertThat(peak).isLessThanOrEqualTo((int) (ToneAlertSound.VOLUME * Short.MAX_VALUE) + 1);
  }

  @Test
  void eachToneStartsAndEndsSilentSoItDoesNotClick() {
    byte[] pcm = ToneAlertSound.chime(new double[] {880});
    int last = pcm.length / 2 - 1;
    assertThat(sampleAt(pcm, 0)).isZero();
    assertThat(Math.abs(sampleAt(pcm, last))).isLessThan(200);
  }
}
