package dev.vigil.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code POST /link/<id>} body: at most {@link HttpLinkLimits#MAX_POST_BYTES} of UTF-8, one
 * message per line, blank lines skipped, at most {@link HttpLinkLimits#MAX_POST_MESSAGES}.
 */
final class NdjsonBody {
  /** What the body held. */
  sealed interface Outcome {}

  /** The body's messages, in order. */
  record Lines(List<String> lines) implements Outcome {}

  /** Over a limit: nothing of it was used. */
  record TooLarge(String reason) implements Outcome {}

  /** Not UTF-8. */
  record NotUtf8(String reason) implements Outcome {}

  private NdjsonBody() {}

  static Outcome read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(HttpLinkLimits.MAX_POST_BYTES + 1);
    if (bytes.length > HttpLinkLimits.MAX_POST_BYTES) {
      return new TooLarge(
          String.format(
              "body larger than %,d bytes; send fewer messages per POST",
              HttpLinkLimits.MAX_POST_BYTES));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new NotUtf8("body is not valid UTF-8");
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      if (lines.size() == HttpLinkLimits.MAX_POST_MESSAGES) {
        return new TooLarge(
            String.format(
                "more than %,d messages in one POST; send fewer per POST",
                HttpLinkLimits.MAX_POST_MESSAGES));
      }
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return new Lines(lines);
  }
}
