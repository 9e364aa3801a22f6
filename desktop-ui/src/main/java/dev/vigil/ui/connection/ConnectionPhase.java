package dev.vigil.ui.connection;

/** Where the link to the relay stands. */
public enum ConnectionPhase {
  /** Not started, or closed by the operator. */
  DISCONNECTED,
  /** Dialling the relay or waiting for its welcome. */
  CONNECTING,
  /** Welcomed by the relay; live data flows. */
  CONNECTED,
  /** The link dropped; the next attempt is scheduled. */
  RECONNECTING,
  /** The relay refused us in a way retrying cannot fix (e.g. wrong token). */
  FAILED
}
