package dev.vigil.ui.alerts;

import dev.vigil.protocol.Severity;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short chime through the JDK's sound API, generated rather than shipped: two rising tones for a
 * warning, three for a critical alert. Played on its own thread, one at a time. A machine without
 * an audio output (a server, CI) is told once in the log and stays silent.
 */
public final class ToneAlertSound implements AlertSound {
  /** Samples per second of the generated tone. */
  public static final int SAMPLE_RATE_HZ = 22_050;

  /** Length of one tone, in milliseconds. */
  public static final int TONE_MS = 120;

  /** Loudness, a share of full scale. */
  public static final double VOLUME = 0.25;

  private static final double[] WARNING_HZ = {660, 880};
  private static final double[] CRITICAL_HZ = {660, 880, 1320};
  private static final Logger LOG = LoggerFactory.getLogger(ToneAlertSound.class);

  private final ExecutorService player =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-alert-sound");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean unavailable = new AtomicBoolean();

  @Override
  public void play(Severity severity) {
    if (unavailable.get() || severity == Severity.INFO) {
      return;
    }
    byte[] pcm = chime(severity == Severity.CRITICAL ? CRITICAL_HZ : WARNING_HZ);
    try {
      player.execute(() -> write(pcm));
    } catch (RejectedExecutionException e) {
      LOG.debug("alert sound stopped");
    }
  }

  private void write(byte[] pcm) {
    AudioFormat format = new AudioFormat(SAMPLE_RATE_HZ, 16, 1, true, false);
    try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
      line.open(format);
      line.start();
      line.write(pcm, 0, pcm.length);
      line.drain();
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      if (unavailable.compareAndSet(false, true)) {
        LOG.info("no audio output for alert sounds ({}); notices stay silent", e.toString());
      }
    }
  }

  /** 16-bit little-endian mono PCM: each tone in turn, faded in and out so it does not click. */
  static byte[] chime(double[] tonesHz) {
    int perTone = SAMPLE_RATE_HZ * TONE_MS / 1000;
    byte[] out = new byte[perTone * tonesHz.length * 2];
    int fade = perTone / 10;
    int k = 0;
    for (double hz : tonesHz) {
      for (int i = 0; i < perTone; i++) {
        double envelope = Math.min(1.0, Math.min(i, perTone - 1 - i) / (double) fade);
        short s =
            (short)
                (Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE_HZ)
                    * envelope
                    * VOLUME
                    * Short.MAX_VALUE);
        out[k++] = (byte) s;
        out[k++] = (byte) (s >> 8);
      }
    }
    return out;
  }
}
