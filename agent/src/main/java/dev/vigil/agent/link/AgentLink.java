package dev.vigil.agent.link;

import dev.vigil.protocol.Command;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The agent's connection to a relay. It keeps the latest catalog and inventory and sends them after
 * every welcome. Samples and events are buffered until the relay has them, so an outage of the
 * relay or the network loses none of them. Thread-safe.
 */
public interface AgentLink extends AutoCloseable {

  /** Starts connecting in the background; returns at once. */
  void start();

  /** Waits until the relay has welcomed this agent; true if it did within the timeout. */
  boolean awaitWelcome(Duration timeout) throws InterruptedException;

  /** True while welcomed on a live connection. */
  boolean isConnected();

  /**
   * Why the link gave up for good (e.g. the relay refused the token); empty while it keeps trying.
   */
  Optional<String> failure();

  /** Records the current catalog and sends it if connected. */
  void updateCatalog(SensorCatalog catalog);

  /** Records the current inventory and sends it if connected. */
  void updateInventory(Inventory inventory);

  /**
   * Buffers a sample and sends it as soon as the relay is reachable; false only when it could be
   * neither buffered nor sent.
   */
  boolean sendSample(Sample sample);

  /** Buffers a hot-plug event and sends it as soon as the relay is reachable; as above. */
  boolean sendEvent(DeviceEvent event);

  /**
   * Who carries out the relay's commands; each result goes back through {@link #sendResult}.
   * Without a handler a command is answered as not supported.
   */
  void onCommand(Consumer<Command> handler);

  /** Sends a command's result now if connected; false if not (the relay then times it out). */
  boolean sendResult(Result result);

  /** Declares the agent's current sampling interval in every later hello. */
  void declareSampleInterval(long intervalMs);

  /** Closes the connection normally (code 1000) and stops reconnecting. */
  @Override
  void close();
}
