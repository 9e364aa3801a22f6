package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Globs: the string-comparison fast paths must match exactly what the regular expression did. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class GlobPatternTest {
  private static final List<String> GLOBS =
      List.of(
          "",
          "*",
          "**",
          "?",
          "cpu.package.temperature",
          "fs.*.used.percent",
          "fs.*",
          "*.percent",
          "ab*ba",
          "a*b*c",
          "gpu.?.*",
          "rack-0?",
          "[a-z]+*",
          "*$^.|\\E(",
          "\\Q*",
          "line\nbreak*",
          "emoji-\uD83D\uDE00*",
          "*\uDE00");

  private static final List<String> TEXTS =
      List.of(
          "",
          "a",
          "ab",
          "aba",
          "abba",
          "abXba",
          "cpu.package.temperature",
          "cpu.package.temperatures",
          "cpuXpackageXtemperature",
          "fs.root.used.percent",
          "fs..used.percent",
          "fs.used.percent",
          "fs.",
          "fs",
          ".percent",
          "gpu.0.temp",
          "rack-07",
          "[a-z]+x",
          "zz$^.|\\E(",
          "\\Q",
          "\\Qtail",
          "line\nbreak\nmore",
          "emoji-\uD83D\uDE00!",
          "emoji-\uD83D",
          "x\uD83D\uDE00",
          "x\uDE00");

  @Test
  void everyGlobMatchesExactlyWhatItsRegularExpressionMatches() {
    List<String> disagreements = new ArrayList<>();
    int matched = 0;
    for (String glob : GLOBS) {
      GlobPattern pattern = GlobPattern.of(glob);
      for (String text : TEXTS) {
        boolean expected = pattern.matchesByRegex(text);
        if (pattern.matches(text) != expected) {
          disagreements.add("glob '" + glob + "' on '" + text + "' should be " + expected);
        }
        matched += expected ? 1 : 0;
      }
    }

    assertThat(disagreements).isEmpty();
    assertThat(matched).as("pairs that match, so the comparison is not vacuous").isGreaterThan(20);
  }

  @Test
  void regularExpressionCharactersInGlobsAreLiteral() {
    GlobPattern pattern = GlobPattern.of("fs.*.used.percent");

    assertThat(pattern.matches("fs.root.used.percent")).isTrue();
    assertThat(pattern.matches("fsXrootXusedXpercent")).isFalse();
  }

  @Test
  void prefixAndSuffixMayNotOverlap() {
    assertThat(GlobPattern.of("ab*ba").matches("aba")).isFalse();
    assertThat(GlobPattern.of("ab*ba").matches("abba")).isTrue();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    GlobPattern pattern = GlobPattern.of("rack-0?");

    assertThat(pattern.matches("rack-07")).isTrue();
    assertThat(pattern.matches("rack-0")).isFalse();
    assertThat(pattern.matches("rack-071")).isFalse();
  }

  @Test
  void starMatchesTheEmptyStringButNothingMatchesNull() {
    assertThat(GlobPattern.of("*").matches("")).isTrue();
    assertThat(GlobPattern.of("*").matches(null)).isFalse();
    assertThat(GlobPattern.of("").matches("")).isTrue();
    assertThat(GlobPattern.of("").matches(null)).isFalse();
  }
}
