package dev.vigil.agent;

import dev.vigil.agent.collect.SensorSampler;
import dev.vigil.agent.config.HostIdStore;
import dev.vigil.agent.inventory.InventoryDiff;
import dev.vigil.agent.inventory.InventoryScanner;
import dev.vigil.agent.link.AgentLink;
import dev.vigil.agent.link.RelayAgentLink;
import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.agent.spool.OutboundStore;
import dev.vigil.link.RelayAddress;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: samples its sensors every interval, scans its inventory less often, and pushes
 * catalog, samples, inventory and hot-plug events to the relay over one {@link AgentLink}. All its
 * work runs on one scheduler thread; nothing runs on the WebSocket threads. Embeddable:
 *
 * <pre>{@code
 * try (Agent agent = Agent.start(AgentConfig.defaults().withToken("secret"))) {
 *   agent.awaitConnected(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class Agent implements AutoCloseable {
  /** How long {@link #close} waits for the scheduler to finish, in milliseconds. */
  public static final long SHUTDOWN_TIMEOUT_MS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final AgentConfig config;
  private final String hostId;
  private final AgentLink link;
  private final OutboundStore buffer;
  private final ScheduledExecutorService executor;
  private final SampleTicks sampleTicks;
  private final boolean ownsExecutor;
  private volatile ScheduledFuture<?> sampling;
  private ScheduledFuture<?> scanning;

  // Confined to the executor thread.
  private SensorSampler sampler;
  private InventoryScanner scanner;
  private List<Device> lastDevices;

  private Agent(AgentConfig config, ScheduledExecutorService executor, boolean ownsExecutor) {
    this.config = config;
    this.hostId = new HostIdStore(config.stateDir()).loadOrCreate();
    this.executor = executor;
    this.sampleTicks = new SampleTicks(config.sampleInterval().toMillis());
    this.ownsExecutor = ownsExecutor;
    this.buffer = openBuffer(config);
    RelayAgentLink relayLink =
        new RelayAgentLink(
            new RelayAddress(
                config.relayUri(),
                config
                    .link()
                    .relayHttpUri()
                    .orElse(RelayAddress.defaultHttpUri(config.relayUri()))),
            hello(config, hostId),
            buffer,
            executor,
            new dev.vigil.protocol.Backoff());
    config.link().listen().ifPresent(bind -> relayLink.listenOn(bind, config.link().listenAllow()));
    this.link = relayLink;
  }

  /** Subdirectory of the state directory holding the store-and-forward buffer. */
  public static final String BUFFER_DIR = "buffer";

  private static OutboundStore openBuffer(AgentConfig config) {
    Path dir = config.stateDir().resolve(BUFFER_DIR);
    try {
      return DiskSpool.open(dir, config.bufferMaxBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the store-and-forward buffer in " + dir, e);
    }
  }

  /**
   * Starts an agent reading this machine; returns at once, sampling and connecting in the
   * background.
   */
  public static Agent start(AgentConfig config) {
    return start(config, () -> HostSources.forThisMachine(config.sysfsRoot()), null);
  }

  /**
   * Starts an agent reading the given sources (e.g. simulated ones), on {@code sharedExecutor} if
   * given (left running on close) or on its own scheduler thread if null.
   */
  public static Agent start(
      AgentConfig config, Supplier<HostSources> sources, ScheduledExecutorService sharedExecutor) {
    ScheduledExecutorService executor =
        sharedExecutor != null
            ? sharedExecutor
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "vigil-agent");
                  t.setDaemon(true);
                  return t;
                });
    Agent agent = new Agent(config, executor, sharedExecutor == null);
    agent.begin(sources);
    return agent;
  }

  /** This host's persistent id. */
  public String hostId() {
    return hostId;
  }

  /** The configuration this agent runs with. */
  public AgentConfig config() {
    return config;
  }

  /** Waits until the relay has welcomed this agent; true once welcomed within the timeout. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return link.awaitWelcome(timeout);
  }

  /** True while welcomed on a live connection. */
  public boolean isConnected() {
    return link.isConnected();
  }

  /** Why the link gave up for good (e.g. wrong token); empty while it keeps trying. */
  public Optional<String> linkFailure() {
    return link.failure();
  }

  /** Closes the link normally (code 1000) and stops sampling. */
  @Override
  public void close() {
    if (sampling != null) {
      sampling.cancel(false);
    }
    if (scanning != null) {
      scanning.cancel(false);
    }
    link.close();
    buffer.close();
    if (ownsExecutor) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        executor.shutdownNow();
      }
    }
  }

  private void begin(Supplier<HostSources> sources) {
    executor.execute(
        () -> {
          try {
            HostSources s = sources.get();
            sampler = new SensorSampler(s.collectors());
            scanner = new InventoryScanner(s.devices());
          } catch (RuntimeException | LinkageError e) {
            LOG.error("cannot set up the sensor and device sources; sending nothing", e);
          }
        });
    link.onCommand(command -> executor.execute(() -> link.sendResult(carryOut(command))));
    link.declareSampleInterval(config.sampleInterval().toMillis());
    link.start();
    long sampleMs = config.sampleInterval().toMillis();
    long inventoryMs = config.inventoryInterval().toMillis();
    scanning =
        executor.scheduleWithFixedDelay(this::scanSafely, 0, inventoryMs, TimeUnit.MILLISECONDS);
    sampling = executor.scheduleAtFixedRate(this::sampleSafely, 0, sampleMs, TimeUnit.MILLISECONDS);
  }

  /** Carries out a command from the relay, on the agent's thread; says how it went. */
  private Result carryOut(Command command) {
    LOG.info("command {} from the relay ({})", command.action(), command.requestId());
    switch (command.action()) {
      case PING:
        return Result.success(command.requestId());
      case REFRESH_INVENTORY:
        scanSafely(); // events for what changed since the last scan, as on every scan
        if (lastDevices == null) {
          return Result.failure(command.requestId(), "device sources are not set up");
        }
        link.updateInventory(new Inventory(hostId, System.currentTimeMillis(), lastDevices));
        return Result.success(command.requestId());
      case SET_SAMPLE_INTERVAL:
        Long ms = command.intervalMs();
        if (ms == null || ms <= 0) {
          return Result.failure(command.requestId(), "no sample interval given");
        }
        if (sampling != null) {
          sampling.cancel(false);
        }
        sampleTicks.interval(ms);
        sampling = executor.scheduleAtFixedRate(this::sampleSafely, ms, ms, TimeUnit.MILLISECONDS);
        link.declareSampleInterval(ms);
        return Result.success(command.requestId());
      default:
        return Result.failure(command.requestId(), "unknown command " + command.action());
    }
  }

  private void sampleSafely() {
    if (sampler == null || !sampleTicks.due(System.nanoTime())) {
      return;
    }
    try {
      long now = System.currentTimeMillis();
      SensorSampler.Tick tick = sampler.sample();
      if (tick.catalogChanged()) {
        link.updateCatalog(new SensorCatalog(hostId, now, tick.sensors()));
      }
      link.sendSample(new Sample(hostId, now, tick.values()));
    } catch (RuntimeException e) {
      LOG.error("sampling failed; next tick will retry", e);
    }
  }

  private void scanSafely() {
    if (scanner == null) {
      return;
    }
    try {
      long now = System.currentTimeMillis();
      List<Device> devices = scanner.scan();
      if (lastDevices != null) {
        for (DeviceEvent e : InventoryDiff.between(lastDevices, devices, hostId, now)) {
          LOG.debug("{} {}", e.kind().wireName(), e.device().id());
          link.sendEvent(e);
        }
      }
      if (!devices.equals(lastDevices)) {
        link.updateInventory(new Inventory(hostId, now, devices));
      }
      lastDevices = devices;
    } catch (RuntimeException e) {
      LOG.error("inventory scan failed; next scan will retry", e);
    }
  }

  /** The hello this agent sends on every connection. */
  static Hello hello(AgentConfig config, String hostId) {
    return new Hello(
        Role.AGENT,
        config.token(),
        hostId,
        config.hostName(),
        softwareVersion(),
        config.labels(),
        config.simulated(),
        platform());
  }

  /** This agent's version, from the jar manifest. */
  public static String softwareVersion() {
    String v = Agent.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Operating system and architecture, e.g. {@code Linux 6.1.0 amd64}. */
  public static String platform() {
    return System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch");
  }
}
