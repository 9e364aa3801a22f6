package dev.vigil.server.upstream;

import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.server.link.DialedPeerLink;

/**
 * What the site relay keeps for one host it forwards: the hello it speaks for the host, the host's
 * latest catalog and inventory, the unacknowledged part of its stream, and its link to central.
 * Kept after the agent leaves, so its numbers and backlog carry on when the agent comes back. Owned
 * by the relay's core thread; not thread-safe.
 */
final class UpstreamHost {
  final String hostId;
  final UpstreamBuffer.Backlog backlog;
  final Backoff backoff = new Backoff();

  /** The hello sent to central: the agent's, with the central token and the site label. */
  Hello hello;

  /** The agent stream's epoch; null when the agent numbers nothing. */
  String epoch;

  /** Highest number of {@link #epoch} central acknowledged (in a welcome or a received). */
  long acknowledgedSeq;

  Message catalog;
  Message inventory;

  /** True while the host's agent is connected to this site: the link should be up. */
  boolean wanted;

  /** The current link to central; null while none is open or dialling. */
  DialedPeerLink link;

  /** True once central welcomed {@link #link}. */
  boolean welcomed;

  /** The close code central sent on {@link #link}, once it sent one. */
  Integer peerCloseCode;

  long lastInboundNanos;

  /** Central's heartbeat interval, from its welcome. */
  long centralHeartbeatNanos;

  /** Bumped to cancel a scheduled redial. */
  int dialGeneration;

  UpstreamHost(String hostId, UpstreamBuffer.Backlog backlog) {
    this.hostId = hostId;
    this.backlog = backlog;
  }
}
