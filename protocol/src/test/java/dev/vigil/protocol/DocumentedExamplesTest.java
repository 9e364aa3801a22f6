package dev.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message example in docs/protocol.md decodes with the strict codec (schematic lines with
 * {@code ...} aside).
 */
@Timeout(10)
class DocumentedExamplesTest {
  private static final Path DOC = Path.of("..", "docs", "protocol.md");

  static Stream<String> documentedMessages() throws IOException {
    return examples().stream();
  }

  @ParameterizedTest
  @MethodSource("documentedMessages")
  void everyDocumentedMessageDecodes(String json) {
    DecodeResult result = MessageCodec.forRelayMessages().decode(json);

    assertThat(result).as(json).isInstanceOf(DecodeResult.Decoded.class);
  }

  @Test
  void theDocumentationShowsTheAlertRuleAndSilenceMessages() throws IOException {
    assertThat(documentedTypes())
        .contains(
            "rule.put", "rule.delete", "rules", "silence.put", "silence.delete", "silences", "ack");
  }

  @Test
  void theDocumentationShowsTheTokenManagementMessages() throws IOException {
    assertThat(documentedTypes())
        .contains("tokens", "token.create", "token.created", "token.revoke");
  }

  private static List<String> documentedTypes() throws IOException {
    return examples().stream()
        .map(j -> j.replaceAll("(?s)^.*?\"type\":\"([^\"]+)\".*$", "$1"))
        .toList();
  }

  /** The JSON messages in the doc's json blocks: lines accumulated until their braces balance. */
  private static List<String> examples() throws IOException {
    List<String> messages = new ArrayList<>();
    boolean inJson = false;
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inJson = line.equals("```json");
        current.setLength(0);
        depth = 0;
        continue;
      }
      if (!inJson) {
        continue;
      }
      current.append(line.strip());
      depth += braceBalance(line);
      if (depth == 0 && !current.isEmpty()) {
        String text = current.toString();
        if (text.startsWith("{\"v\":") && !text.contains("...")) {
          messages.add(text);
        }
        current.setLength(0);
      }
    }
    return messages;
  }

  private static int braceBalance(String line) {
    int balance = 0;
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && inString) {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString && c == '{') {
        balance++;
      } else if (!inString && c == '}') {
        balance--;
      }
    }
    return balance;
  }
}
