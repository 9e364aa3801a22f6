package dev.vigil.server.upstream;

import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.ErrorNotice;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Received;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.config.UpstreamConfig;
import dev.vigil.server.link.DialedPeerLink;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.link.PeerLink;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream mode, on a site relay: every agent host connected here is forwarded to the central relay
 * over a link of its own, in role {@code agent}, so central sees the host as if its agent had
 * dialled it, with the label {@code site=<site>}. Numbered samples and events keep the agent's own
 * numbers and epoch, so central de-duplicates exactly as for a direct agent; what central has not
 * acknowledged is kept in an {@link UpstreamBuffer} of {@link #UPSTREAM_BUFFER_BYTES} and sent
 * again after a reconnect from central's welcome. Central's acknowledgements are passed down to the
 * agent (the site acknowledges nothing beyond them), central's commands are routed to the agent and
 * its results go back up the same link. Driven from the relay's core thread, which owns it; socket
 * I/O runs on Java-WebSocket's threads, whose events are handed to the core thread.
 */
public final class UpstreamForwarder {
  /**
   * Most forwarded messages kept, across every host, until central acknowledges them: 64 MiB of
   * encoded JSON, about 3 hours of 100 hosts sampling every 5 s. Beyond it the oldest are dropped
   * and counted; the agents still hold them on disk, but resend them only after they reconnect.
   */
  public static final long UPSTREAM_BUFFER_BYTES = 64L << 20;

  /**
   * Writes the link's socket may have queued before the forwarder stops feeding it from the buffer:
   * a resend after an outage does not pile the whole backlog into the socket's queue.
   */
  public static final int MAX_QUEUED_WRITES = 512;

  /** Wait before redialling central after a do-not-retry close code (a refused token, say). */
  public static final long REFUSED_RETRY_MS = Backoff.DEFAULT_CAP_MS;

  /** The label every forwarded host carries, with the site's name as its value. */
  public static final String SITE_LABEL = "site";

  private static final Logger log = LoggerFactory.getLogger(UpstreamForwarder.class);

  /** What the forwarder asks of the site relay; called on the core thread. */
  public interface Downstream {
    /** Central acknowledged {@code received} of {@code hostId}'s stream: tell its agent. */
    void acknowledged(String hostId, Received received);

    /** Central sent a command for a host: route it to the agent, results back to {@code from}. */
    void command(PeerLink from, Command command);

    /** The link {@code upstream} is gone: forget commands waiting to answer on it. */
    void linkClosed(PeerLink upstream);
  }

  private final UpstreamConfig config;
  private final MessageCodec codec;
  private final MessageCodec inbound = MessageCodec.forRelayMessages();
  private final CoreThread core;
  private final Downstream downstream;
  private final long defaultHeartbeatNanos;
  private final UpstreamBuffer buffer;
  private final Map<String, UpstreamHost> hosts = new HashMap<>();
  private long pingNonce;
  private boolean stopped;

  /**
   * @param config the central relay, token and site name
   * @param codec encodes what is sent to central
   * @param core the core thread, which runs every method of this class
   * @param downstream the site relay's side
   * @param siteHeartbeatNanos the site's heartbeat, for a link central has not welcomed yet
   */
  public UpstreamForwarder(
      UpstreamConfig config,
      MessageCodec codec,
      CoreThread core,
      Downstream downstream,
      long siteHeartbeatNanos) {
    this(config, codec, core, downstream, siteHeartbeatNanos, UPSTREAM_BUFFER_BYTES);
  }

  /** As above, with a buffer of {@code bufferBytes} (for tests of the bound). */
  UpstreamForwarder(
      UpstreamConfig config,
      MessageCodec codec,
      CoreThread core,
      Downstream downstream,
      long siteHeartbeatNanos,
      long bufferBytes) {
    this.config = config;
    this.codec = codec;
    this.core = core;
    this.downstream = downstream;
    this.defaultHeartbeatNanos = siteHeartbeatNanos;
    this.buffer = new UpstreamBuffer(bufferBytes);
  }

  // ---- from the site relay (core thread) ----

  /** The site accepted {@code hello} from an agent: make sure its host has a link to central. */
  public void agentJoined(Hello hello) {
    if (stopped) {
      return;
    }
    UpstreamHost host =
        hosts.computeIfAbsent(hello.peerId(), id -> new UpstreamHost(id, buffer.backlog(id)));
    if (!Objects.equals(host.epoch, hello.streamEpoch())) {
      if (host.backlog.size() > 0) {
        log.warn(
            "Host '{}' started stream {} (was {}): {} messages central had not acknowledged are"
                + " given up",
            host.hostId,
            hello.streamEpoch(),
            host.epoch,
            host.backlog.size());
      }
      host.backlog.clear();
      host.acknowledgedSeq = 0;
      host.epoch = hello.streamEpoch();
    }
    Hello upstreamHello = upstreamHello(hello);
    boolean changed = !upstreamHello.equals(host.hello);
    host.hello = upstreamHello;
    host.wanted = true;
    if (host.link != null && changed) {
      DialedPeerLink old = detach(host);
      old.close(CloseCodes.NORMAL, "the host's agent reconnected with a new hello");
    }
    if (host.link == null) {
      host.backoff.reset();
      dial(host);
    }
  }

  /**
   * The number to put in the agent's welcome: what the site holds ({@code siteHeld}), but no more
   * than central acknowledged, so the agent keeps on disk everything central may lack.
   */
  public long heldByCentral(String hostId, String epoch, long siteHeld) {
    UpstreamHost host = hosts.get(hostId);
    if (host == null || !Objects.equals(host.epoch, epoch)) {
      return 0;
    }
    return Math.min(siteHeld, host.acknowledgedSeq);
  }

  /**
   * A catalog, inventory, sample or event the site accepted from {@code hostId}'s agent, with the
   * agent's number ({@code seq}, 0 when unnumbered). Numbered ones are kept until central
   * acknowledges them.
   */
  public void forward(String hostId, long seq, Message message) {
    UpstreamHost host = hosts.get(hostId);
    if (host == null || stopped) {
      return;
    }
    if (message instanceof SensorCatalog) {
      host.catalog = message;
      sendIfWelcomed(host, codec.encode(message));
    } else if (message instanceof Inventory) {
      host.inventory = message;
      sendIfWelcomed(host, codec.encode(message));
    } else if (seq > 0 && host.epoch != null) {
      host.backlog.append(seq, codec.encode(new Envelope(Protocol.VERSION, seq, message)));
      pump(host);
    } else {
      sendIfWelcomed(host, codec.encode(message));
    }
  }

  /**
   * The host's agent left the site. A host that stopped ({@code stopped}) says goodbye to central
   * and closes normally; one whose link dropped drops its link to central too, so central reports a
   * dropped connection.
   *
   * @param reason when stopped, the agent's goodbye reason (null if it gave none); otherwise why
   *     its link dropped
   */
  public void agentLeft(String hostId, boolean stopped, String reason) {
    UpstreamHost host = hosts.get(hostId);
    if (host == null) {
      return;
    }
    host.wanted = false;
    host.dialGeneration++;
    boolean wasWelcomed = host.welcomed;
    DialedPeerLink link = detach(host);
    if (link == null) {
      return;
    }
    if (stopped) {
      if (wasWelcomed) {
        link.send(codec.encode(new Goodbye(reason)));
      }
      link.close(CloseCodes.NORMAL, reason == null ? "agent stopped" : reason);
    } else {
      link.abort(CloseCodes.ABNORMAL, reason);
    }
  }

  /**
   * Once per site heartbeat: pings central on quiet links, drops links central stopped answering,
   * and feeds links whose socket queue drained.
   */
  public void heartbeat(long nowNanos) {
    String ping = null;
    for (UpstreamHost host : hosts.values()) {
      DialedPeerLink link = host.link;
      if (link == null || !link.isOpen()) {
        continue;
      }
      long interval = host.welcomed ? host.centralHeartbeatNanos : defaultHeartbeatNanos;
      long silent = nowNanos - host.lastInboundNanos;
      if (silent > interval * Protocol.HEARTBEAT_TIMEOUT_FACTOR) {
        log.warn(
            "Central relay silent for {} ms on the link of host '{}'; reconnecting",
            TimeUnit.NANOSECONDS.toMillis(silent),
            host.hostId);
        link.abort(CloseCodes.HEARTBEAT_TIMEOUT, "central relay silent");
        continue;
      }
      if (host.welcomed && silent >= interval) {
        if (ping == null) {
          ping = codec.encode(new Ping(++pingNonce, System.currentTimeMillis()));
        }
        link.send(ping);
      }
      pump(host);
    }
  }

  /** Closes every link to central with 1001 (going away) and dials no more. */
  public void close() {
    stopped = true;
    for (UpstreamHost host : hosts.values()) {
      host.wanted = false;
      host.dialGeneration++;
      DialedPeerLink link = detach(host);
      if (link != null) {
        link.close(CloseCodes.GOING_AWAY, "site relay shutting down");
      }
    }
  }

  /** Characters of encoded messages held for central and not yet acknowledged, across hosts. */
  public long bufferedBytes() {
    return buffer.bytes();
  }

  /** Messages dropped because the buffer was full, since the relay started. */
  public long droppedMessages() {
    return buffer.dropped();
  }

  // ---- link events (core thread) ----

  private void dial(UpstreamHost host) {
    DialedPeerLink link =
        new DialedPeerLink(config.url(), inbound, new Events(host), (role, name) -> {});
    host.link = link;
    host.welcomed = false;
    host.peerCloseCode = null;
    log.debug("Dialling central relay {} for host '{}'", config.url(), host.hostId);
    link.connect();
  }

  private void opened(UpstreamHost host, PeerLink link) {
    if (link != host.link) {
      return;
    }
    host.lastInboundNanos = System.nanoTime();
    link.send(codec.encode(host.hello));
  }

  private void received(UpstreamHost host, PeerLink link, Message message) {
    if (link != host.link) {
      return;
    }
    host.lastInboundNanos = System.nanoTime();
    if (message instanceof Welcome welcome) {
      welcomed(host, welcome);
    } else if (message instanceof Received ack) {
      if (Objects.equals(ack.streamEpoch(), host.epoch)) {
        acknowledged(host, ack.upToSeq());
        pump(host);
      }
    } else if (message instanceof Ping ping) {
      link.send(codec.encode(new Pong(ping.nonce(), ping.sentAtMs())));
    } else if (message instanceof Command command && host.welcomed) {
      downstream.command(link, command);
    } else if (message instanceof ErrorNotice error) {
      log.error(
          "Central relay {} reports error {} on the link of host '{}': {}",
          config.url(),
          error.code(),
          host.hostId,
          error.reason());
    } else if (!(message instanceof Pong)) {
      log.debug("Ignoring {} from the central relay", message.type().wireName());
    }
  }

  private void welcomed(UpstreamHost host, Welcome welcome) {
    host.welcomed = true;
    host.backoff.reset();
    host.centralHeartbeatNanos =
        TimeUnit.MILLISECONDS.toNanos(
            welcome.heartbeatIntervalMs() > 0
                ? welcome.heartbeatIntervalMs()
                : Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS);
    long held = host.epoch == null ? 0 : welcome.receivedSeqOrZero();
    host.backlog.rewind(held);
    log.info(
        "Host '{}' welcomed by central relay {} ({}): it holds #{}; resending {} messages",
        host.hostId,
        welcome.relayId(),
        config.url(),
        held,
        host.backlog.unwrittenCount());
    if (held > 0) {
      acknowledged(host, held);
    }
    if (host.catalog != null) {
      host.link.send(codec.encode(host.catalog));
    }
    if (host.inventory != null) {
      host.link.send(codec.encode(host.inventory));
    }
    pump(host);
  }

  private void acknowledged(UpstreamHost host, long upToSeq) {
    host.backlog.acknowledge(upToSeq);
    if (upToSeq > host.acknowledgedSeq) {
      host.acknowledgedSeq = upToSeq;
    }
    downstream.acknowledged(host.hostId, new Received(host.epoch, host.acknowledgedSeq));
  }

  private void closed(UpstreamHost host, PeerLink link, int code, String reason) {
    if (link != host.link) {
      return;
    }
    boolean wasWelcomed = host.welcomed;
    int effective = host.peerCloseCode != null ? host.peerCloseCode : code;
    detach(host);
    if (!host.wanted || stopped) {
      return;
    }
    long delayMs;
    if (!CloseCodes.shouldReconnect(effective)) {
      delayMs = REFUSED_RETRY_MS;
      log.error(
          "Central relay {} closed the link of host '{}' with {} ({}); the same settings would"
              + " fail again: check the upstream token; retrying in {} ms",
          config.url(),
          host.hostId,
          effective,
          reason,
          delayMs);
    } else {
      boolean firstFailure = host.backoff.attempts() == 0;
      delayMs = host.backoff.nextDelayMs();
      if (wasWelcomed || firstFailure) {
        // Said once per outage; the retries that follow are logged at debug.
        log.warn(
            "Link of host '{}' to central relay {} {} ({} {}); reconnecting in {} ms",
            host.hostId,
            config.url(),
            wasWelcomed ? "lost" : "cannot be opened",
            code,
            reason,
            delayMs);
      } else {
        log.debug(
            "Cannot reach central relay {} for host '{}' ({} {}); retrying in {} ms",
            config.url(),
            host.hostId,
            code,
            reason,
            delayMs);
      }
    }
    int generation = ++host.dialGeneration;
    core.runLater(
        () -> {
          if (generation == host.dialGeneration && host.wanted && host.link == null && !stopped) {
            dial(host);
          }
        },
        delayMs);
  }

  /** Forgets the host's current link (and what waits for answers on it); returns it, or null. */
  private DialedPeerLink detach(UpstreamHost host) {
    DialedPeerLink link = host.link;
    host.link = null;
    host.welcomed = false;
    if (link != null) {
      downstream.linkClosed(link);
    }
    return link;
  }

  /** Writes held messages to a welcomed link, in order, while its socket queue has room. */
  private void pump(UpstreamHost host) {
    DialedPeerLink link = host.link;
    if (link == null || !host.welcomed) {
      return;
    }
    while (link.queuedWrites() < MAX_QUEUED_WRITES) {
      String text = host.backlog.nextUnwritten();
      if (text == null) {
        return;
      }
      link.send(text);
      host.backlog.markWritten();
    }
  }

  private void sendIfWelcomed(UpstreamHost host, String text) {
    if (host.welcomed && host.link != null) {
      host.link.send(text);
    }
  }

  private Hello upstreamHello(Hello agent) {
    Map<String, String> labels = new HashMap<>(agent.labels());
    labels.put(SITE_LABEL, config.site());
    return new Hello(
        Role.AGENT,
        config.token(),
        agent.peerId(),
        agent.name(),
        agent.softwareVersion(),
        labels,
        agent.simulated(),
        agent.platform(),
        agent.streamEpoch(),
        null,
        agent.sampleIntervalMs());
  }

  /** Hands a link's events to the core thread. */
  private final class Events implements LinkListener {
    private final UpstreamHost host;

    Events(UpstreamHost host) {
      this.host = host;
    }

    @Override
    public void onOpen(PeerLink link) {
      core.run(() -> opened(host, link));
    }

    @Override
    public void onMessage(PeerLink link, Envelope envelope) {
      core.run(() -> received(host, link, envelope.body()));
    }

    @Override
    public void onRejected(PeerLink link, int closeCode, String reason) {
      log.warn("Undecodable message from central relay {}: {}", config.url(), reason);
    }

    @Override
    public void onPeerCloseFrame(PeerLink link, int code) {
      core.run(
          () -> {
            if (link == host.link) {
              host.peerCloseCode = code;
            }
          });
    }

    @Override
    public void onClosed(PeerLink link, int code, String reason, boolean byPeer) {
      core.run(() -> closed(host, link, code, reason));
    }
  }
}
