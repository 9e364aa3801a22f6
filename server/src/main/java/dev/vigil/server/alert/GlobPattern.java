package dev.vigil.server.alert;

import java.util.regex.Pattern;

/** A compiled glob: {@code *} matches any run of characters, {@code ?} exactly one. */
public final class GlobPattern {
  private final String glob;
  private final Pattern regex;

  private GlobPattern(String glob) {
    this.glob = glob;
    StringBuilder sb = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          sb.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        sb.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      sb.append(Pattern.quote(literal.toString()));
    }
    this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
  }

  /** Compiles {@code glob}. */
  public static GlobPattern of(String glob) {
    return new GlobPattern(glob);
  }

  /** Whether the whole of {@code text} matches; {@code null} never matches. */
  public boolean matches(String text) {
    return text != null && regex.matcher(text).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
