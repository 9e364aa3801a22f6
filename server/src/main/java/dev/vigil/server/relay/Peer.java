package dev.vigil.server.relay;

import dev.vigil.protocol.Role;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.link.PeerLink;
import java.util.concurrent.ScheduledFuture;

/** One connection as the relay core sees it. Owned by the core thread; not thread-safe. */
final class Peer {
  final PeerLink link;
  final String sessionId;
  long lastInboundNanos;

  /** Null until the hello is accepted. */
  Role role;

  /** Host id (agent) or instance id (dashboard), from the hello. */
  String peerId;

  /** Host name (agent) or operator name (dashboard). */
  String name;

  /** Dashboards: the role of the operator token; null for agents. */
  OperatorRole operatorRole;

  /** The id of the token it authenticated with; null until the hello is accepted. */
  String tokenId;

  /** True once the relay decided to close it; later messages are ignored. */
  boolean closing;

  ScheduledFuture<?> helloTimeout;

  /** What the agent said in its goodbye, if it said goodbye (and gave a reason). */
  String byeReason;

  /** The code of the close frame the peer sent, once it sent one. */
  Integer peerCloseCode;

  Peer(PeerLink link, String sessionId, long openedNanos) {
    this.link = link;
    this.sessionId = sessionId;
    this.lastInboundNanos = openedNanos;
  }

  boolean accepted() {
    return role != null;
  }

  @Override
  public String toString() {
    return (role == null ? "peer" : role.name().toLowerCase(java.util.Locale.ROOT))
        + (peerId == null ? "" : " " + peerId)
        + " ("
        + sessionId
        + ", "
        + link.remoteAddress()
        + ")";
  }
}
