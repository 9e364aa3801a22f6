package dev.vigil.server.link;

import java.nio.charset.StandardCharsets;

/** Close-frame reasons: RFC 6455 allows at most 123 bytes of UTF-8. */
public final class CloseReason {
  /** Largest close reason, in UTF-8 bytes (125-byte control payload minus the 2-byte code). */
  public static final int MAX_REASON_BYTES = 123;

  private static final String ELLIPSIS = "…";

  private CloseReason() {}

  /** {@code reason} cut on a character boundary so that it fits, ending in "…" when cut. */
  public static String trim(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
      return reason;
    }
    int budget = MAX_REASON_BYTES - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder sb = new StringBuilder();
    int used = 0;
    for (int i = 0; i < reason.length(); ) {
      int cp = reason.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int bytes = ch.getBytes(StandardCharsets.UTF_8).length;
      if (used + bytes > budget) {
        break;
      }
      sb.append(ch);
      used += bytes;
      i += Character.charCount(cp);
    }
    return sb.append(ELLIPSIS).toString();
  }
}
