package dev.vigil.server.link;

import dev.vigil.protocol.MessageType;
import dev.vigil.protocol.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which message types each role may send after its hello, and what each operator role may ask of
 * the relay. A type the peer's role may never send closes the link (4007); a request the operator
 * role may not make is refused with a failed result and the link stays open.
 */
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
          MessageType.RULE_PUT,
          MessageType.RULE_DELETE,
          MessageType.SILENCE_PUT,
          MessageType.SILENCE_DELETE,
          MessageType.TOKEN_CREATE,
          MessageType.TOKEN_REVOKE,
          MessageType.PING,
          MessageType.PONG,
          MessageType.BYE);

  /** The least operator role for each request, and what the request does, for refusals. */
  private record Need(OperatorRole role, String action) {}

  private static final Map<MessageType, Need> NEEDS = new EnumMap<>(MessageType.class);

  static {
    NEEDS.put(MessageType.ACK, new Need(OperatorRole.OPERATOR, "acknowledge alerts"));
    NEEDS.put(MessageType.COMMAND, new Need(OperatorRole.OPERATOR, "send commands"));
    NEEDS.put(MessageType.SILENCE_PUT, new Need(OperatorRole.OPERATOR, "silence alerts"));
    NEEDS.put(MessageType.SILENCE_DELETE, new Need(OperatorRole.OPERATOR, "delete silences"));
    NEEDS.put(MessageType.RULE_PUT, new Need(OperatorRole.ADMIN, "edit rules"));
    NEEDS.put(MessageType.RULE_DELETE, new Need(OperatorRole.ADMIN, "delete rules"));
    NEEDS.put(MessageType.TOKEN_CREATE, new Need(OperatorRole.ADMIN, "manage tokens"));
    NEEDS.put(MessageType.TOKEN_REVOKE, new Need(OperatorRole.ADMIN, "manage tokens"));
  }

  private RolePolicy() {}

  /** Whether a peer of {@code role} may send {@code type}. */
  public static boolean allows(Role role, MessageType type) {
    return (role == Role.AGENT ? AGENT : DASHBOARD).contains(type);
  }

  /**
   * Why an operator of {@code role} may not make request {@code type}, e.g. {@code "your role
   * viewer may not acknowledge alerts"}; {@code null} when it may.
   */
  public static String refusal(OperatorRole role, MessageType type) {
    Need need = NEEDS.get(type);
    if (need == null || role.atLeast(need.role())) {
      return null;
    }
    return "your role " + role.wireName() + " may not " + need.action();
  }
}
