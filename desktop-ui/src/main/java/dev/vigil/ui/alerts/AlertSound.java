package dev.vigil.ui.alerts;

import dev.vigil.protocol.Severity;

/** Plays the sound of a desktop notice. Returns at once; never throws. */
@FunctionalInterface
public interface AlertSound {
  /** No sound at all. */
  AlertSound SILENT = severity -> {};

  /** Sounds the notice of an alert of {@code severity}. */
  void play(Severity severity);
}
