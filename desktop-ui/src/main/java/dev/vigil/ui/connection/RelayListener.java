package dev.vigil.ui.connection;

/**
 * Receives what the relay link reports. Called on the link's network threads: implementations must
 * hand off quickly and never block.
 */
@FunctionalInterface
public interface RelayListener {
  /** One event from the link. */
  void onRelayEvent(RelayEvent event);
}
