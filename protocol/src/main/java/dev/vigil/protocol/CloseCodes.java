package dev.vigil.protocol;

/**
 * WebSocket close codes the relay uses. 1000-1011 are RFC 6455's; 4000-4099 are Vigil's. Codes
 * marked "do not retry" mean reconnecting with the same settings would fail the same way.
 */
public final class CloseCodes {
  /** Normal closure. */
  public static final int NORMAL = 1000;

  /** The relay is shutting down; reconnect with backoff. */
  public static final int GOING_AWAY = 1001;

  /**
   * The connection ended without a close frame (TCP dropped, peer killed). Never sent; only
   * observed by the side left behind. Reconnect with backoff.
   */
  public static final int ABNORMAL = 1006;

  /** The first message was not a valid {@link Hello}, or none came in time. Do not retry as is. */
  public static final int HELLO_REQUIRED = 4000;

  /** The token is wrong for the declared role. Do not retry with the same token. */
  public static final int UNAUTHORIZED = 4001;

  /** The message is not valid JSON, or not a valid envelope. */
  public static final int MALFORMED = 4002;

  /** The envelope names a type this relay does not know. */
  public static final int UNKNOWN_TYPE = 4003;

  /** The envelope's protocol version is not supported. Do not retry without upgrading. */
  public static final int UNSUPPORTED_VERSION = 4004;

  /** The message is larger than {@link Protocol#MAX_INBOUND_MESSAGE_BYTES}. */
  public static final int MESSAGE_TOO_BIG = 4005;

  /** A required field is missing or a field has the wrong type or value. */
  public static final int INVALID_FIELD = 4006;

  /** The message type is not allowed for the role declared in the hello. */
  public static final int ROLE_VIOLATION = 4007;

  /** Another connection declared the same host id; this one was replaced. Do not retry. */
  public static final int REPLACED = 4008;

  /** No message for {@link Protocol#HEARTBEAT_TIMEOUT_FACTOR} heartbeat intervals; reconnect. */
  public static final int HEARTBEAT_TIMEOUT = 4009;

  /**
   * The dashboard read so slowly that even the coalesced stream (newest sample per host, every
   * event and alert) piled up past the relay's bound; reconnect and resume.
   */
  public static final int SLOW_CONSUMER = 4010;

  private CloseCodes() {}

  /** The close code for a decode error. */
  public static int forDecodeError(DecodeError error) {
    return switch (error) {
      case MALFORMED_JSON -> MALFORMED;
      case TOO_LARGE -> MESSAGE_TOO_BIG;
      case UNSUPPORTED_VERSION -> UNSUPPORTED_VERSION;
      case UNKNOWN_TYPE -> UNKNOWN_TYPE;
      case MISSING_FIELD, INVALID_FIELD -> INVALID_FIELD;
    };
  }

  /** Whether a peer closed with this code should reconnect with the same settings. */
  public static boolean shouldReconnect(int code) {
    return switch (code) {
      case HELLO_REQUIRED, UNAUTHORIZED, UNSUPPORTED_VERSION, REPLACED, ROLE_VIOLATION -> false;
      default -> true;
    };
  }
}
