package dev.vigil.link;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a {@code text/event-stream} as the HTML standard defines it: {@code data:} lines joined by
 * newlines, {@code id:}, {@code event:} and {@code retry:} fields, comments (lines starting with a
 * colon) skipped, an event dispatched at each blank line that follows data.
 */
final class SseReader {
  /** One dispatched event; {@code id} and {@code event} are null when the event had none. */
  record Event(String id, String event, String data) {}

  private final BufferedReader in;
  private long retryMs = -1;

  SseReader(BufferedReader in) {
    this.in = in;
  }

  /** The newest {@code retry:} the stream gave, in milliseconds; -1 if none. */
  long retryMs() {
    return retryMs;
  }

  /** The next event, or null at the end of the stream. */
  Event next() throws IOException {
    String id = null;
    String event = null;
    StringBuilder data = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(id, event, data.toString());
        }
        id = null;
        event = null;
        continue;
      }
      if (line.charAt(0) == ':') {
        continue; // a comment: the relay's keepalive
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
        }
        case "id" -> id = value;
        case "event" -> event = value;
        case "retry" -> {
          if (!value.isEmpty()
              && value.length() <= 9
              && value.chars().allMatch(Character::isDigit)) {
            retryMs = Long.parseLong(value);
          }
        }
        default -> {
          // unknown fields are ignored, as the standard says
        }
      }
    }
    return null;
  }
}
