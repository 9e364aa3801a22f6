package dev.vigil.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A request's query parameters, checked: unknown, repeated or malformed ones are errors. */
final class QueryParams {
  /** A parameter the request got wrong; the message names it. Answered with 400. */
  static final class BadParameter extends Exception {
    BadParameter(String name, String problem) {
      super("parameter '" + name + "': " + problem);
    }
  }

  private final Map<String, String> values;

  private QueryParams(Map<String, String> values) {
    this.values = values;
  }

  /** Parses the raw (still encoded) query; only {@code allowed} names are accepted. */
  static QueryParams parse(String rawQuery, Set<String> allowed) throws BadParameter {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!allowed.contains(name)) {
          throw new BadParameter(name, "unknown; known parameters: " + new TreeSet<>(allowed));
        }
        if (values.put(name, value) != null) {
          throw new BadParameter(name, "given more than once");
        }
      }
    }
    return new QueryParams(values);
  }

  /** The text of {@code name}; null when absent; an empty value is an error. */
  String text(String name) throws BadParameter {
    String v = values.get(name);
    if (v != null && v.isEmpty()) {
      throw new BadParameter(name, "must not be empty");
    }
    return v;
  }

  /** The text of {@code name}, which the request must give. */
  String required(String name) throws BadParameter {
    String v = text(name);
    if (v == null) {
      throw new BadParameter(name, "missing");
    }
    return v;
  }

  /** A time in epoch milliseconds (a whole number, not negative), or {@code otherwise}. */
  long timeMs(String name, long otherwise) throws BadParameter {
    String v = text(name);
    if (v == null) {
      return otherwise;
    }
    try {
      long ms = Long.parseLong(v);
      if (ms < 0) {
        throw new BadParameter(name, "must not be negative: " + v);
      }
      return ms;
    } catch (NumberFormatException e) {
      throw new BadParameter(name, "not a time in epoch milliseconds: '" + v + "'");
    }
  }

  /** A whole number from {@code min} to {@code max}, or {@code otherwise}. */
  int intIn(String name, int otherwise, int min, int max) throws BadParameter {
    String v = text(name);
    if (v == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new BadParameter(name, "must be from " + min + " to " + max + ": " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameter(name, "not a whole number: '" + v + "'");
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
