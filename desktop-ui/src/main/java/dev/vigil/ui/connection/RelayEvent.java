package dev.vigil.ui.connection;

import dev.vigil.protocol.Message;

/** Something the relay link reports to the dashboard, in arrival order. */
public sealed interface RelayEvent {

  /** A decoded message from the relay. */
  record Received(Message message) implements RelayEvent {}

  /** The link changed state. */
  record StatusChanged(ConnectionStatus status) implements RelayEvent {}

  /** A round-trip time was measured from one of our pings. */
  record RoundTrip(long roundTripMs) implements RelayEvent {}
}
