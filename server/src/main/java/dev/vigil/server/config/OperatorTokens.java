package dev.vigil.server.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses operator tokens written as {@code token=name}, alone or as a comma list. */
public final class OperatorTokens {
  private OperatorTokens() {}

  /** Parses {@code "t1=alice,t2=bob"}; {@code source} names where it came from, for errors. */
  public static Map<String, String> parseList(String list, String source) {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String entry : list.split(",")) {
      if (!entry.isBlank()) {
        putEntry(tokens, entry.trim(), source);
      }
    }
    return tokens;
  }

  /** Parses one {@code token=name} entry into {@code tokens}. */
  public static void putEntry(Map<String, String> tokens, String entry, String source) {
    int eq = entry.indexOf('=');
    if (eq <= 0 || eq == entry.length() - 1) {
      throw new ConfigException(
          source
              + ": operator token must be written token=name, got an entry of length "
              + entry.length());
    }
    tokens.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
  }
}
