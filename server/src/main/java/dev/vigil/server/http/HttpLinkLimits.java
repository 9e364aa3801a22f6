package dev.vigil.server.http;

/**
 * Limits and timings of the HTTP link transport ({@code /link}): the protocol over Server-Sent
 * Events or long-polling for peers behind proxies that refuse WebSocket. See docs/protocol.md,
 * "HTTP link".
 */
public final class HttpLinkLimits {
  /** Open sessions at most; {@code POST /link} beyond answers 503. */
  public static final int MAX_SESSIONS = 10_000;

  /**
   * Largest {@code POST /link/<id>} body in bytes; larger answers 413 and leaves the session. Twice
   * the largest message, so that a message of the largest size fits with room to spare.
   */
  public static final int MAX_POST_BYTES =
      2 * dev.vigil.protocol.Protocol.MAX_INBOUND_MESSAGE_BYTES;

  /** Most messages (non-blank lines) in one {@code POST /link/<id>}; more answers 413. */
  public static final int MAX_POST_MESSAGES = 1000;

  /** How long a closed session is kept, so that the peer can still learn why it closed. */
  public static final long CLOSED_LINGER_MS = 60_000;

  /** Idle time after which an events stream gets a {@code : keepalive} comment. */
  public static final long SSE_KEEPALIVE_MS = 15_000;

  /** The {@code retry:} an events stream starts with: how soon an EventSource reconnects. */
  public static final long SSE_RETRY_MS = 1_000;

  /**
   * Delivered messages kept for a {@code Last-Event-ID} resume (or a repeated poll): the newest
   * ones up to this many bytes, and always at least the newest one.
   */
  public static final long SSE_RETAIN_BYTES = 1024 * 1024;

  /** Bytes of messages in one poll response at most; a longer single message goes alone. */
  public static final long POLL_MAX_BYTES = 1024 * 1024;

  /** How long a poll with nothing to return waits for a message before answering empty. */
  public static final long LONG_POLL_HOLD_MS = 20_000;

  /**
   * Undelivered plus retained bytes one session may hold; past it the link is aborted as a slow
   * consumer (4010). The relay's dashboard backpressure normally stops well before.
   */
  public static final long MAX_SESSION_BUFFER_BYTES = 32L * 1024 * 1024;

  /** Events streams and waiting polls at most, over all sessions; more answer 503. */
  public static final int MAX_HELD_REQUESTS = 512;

  /** Random bytes in a session id (written as twice as many lowercase hex digits). */
  public static final int SESSION_ID_BYTES = 16;

  /** How often closed sessions past their linger are forgotten. */
  public static final long SWEEP_INTERVAL_MS = 5_000;

  /** How long closing the transport waits for held requests to deliver the close. */
  public static final long CLOSE_DRAIN_MS = 500;

  private HttpLinkLimits() {}
}
