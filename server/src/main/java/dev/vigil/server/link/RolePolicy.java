package dev.vigil.server.link;

import dev.vigil.protocol.MessageType;
import dev.vigil.protocol.Role;
import java.util.EnumSet;
import java.util.Set;

/** Which message types each role may send after its hello. */
public final class RolePolicy {
  private static final Set<MessageType> AGENT =
      EnumSet.of(
          MessageType.CATALOG,
          MessageType.SAMPLE,
          MessageType.INVENTORY,
          MessageType.EVENT,
          MessageType.PING,
          MessageType.PONG,
          MessageType.BYE,
          MessageType.RESULT);
  private static final Set<MessageType> DASHBOARD =
      EnumSet.of(
          MessageType.ACK,
          MessageType.COMMAND,
          MessageType.PING,
          MessageType.PONG,
          MessageType.BYE);

  private RolePolicy() {}

  /** Whether a peer of {@code role} may send {@code type}. */
  public static boolean allows(Role role, MessageType type) {
    return (role == Role.AGENT ? AGENT : DASHBOARD).contains(type);
  }
}
