package dev.vigil.ui.hosts;

/** How live a host's shown data is; drives the status colour. */
public enum StatusKind {
  /** Live data. */
  ONLINE,
  /** Shown values are old: the host or the relay link is late. */
  STALE,
  /** The host is not connected. */
  OFFLINE
}
