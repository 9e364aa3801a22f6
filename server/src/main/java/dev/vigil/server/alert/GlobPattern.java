package dev.vigil.server.alert;

import java.util.regex.Pattern;

/**
 * A compiled glob: {@code *} matches any run of characters, {@code ?} exactly one. The common
 * shapes ({@code *}, a literal, {@code prefix*}, {@code *suffix}, {@code prefix*suffix}) match by
 * plain string comparison, exactly as the regular expression would; any other glob (with {@code ?}
 * or several {@code *}) uses the regular expression. Immutable.
 */
public final class GlobPattern {
  private enum Shape {
    ANYTHING,
    LITERAL,
    PREFIX_SUFFIX,
    REGEX
  }

  private final String glob;
  private final Pattern regex;
  private final Shape shape;
  private final String prefix;
  private final String suffix;

  private GlobPattern(String glob) {
    this.glob = glob;
    this.regex = toRegex(glob);
    int star = glob.indexOf('*');
    if (glob.indexOf('?') >= 0
        || (star >= 0 && glob.indexOf('*', star + 1) >= 0)
        || hasSurrogate(glob)) {
      shape = Shape.REGEX;
      prefix = null;
      suffix = null;
    } else if (star < 0) {
      shape = Shape.LITERAL;
      prefix = glob;
      suffix = null;
    } else {
      shape = glob.length() == 1 ? Shape.ANYTHING : Shape.PREFIX_SUFFIX;
      prefix = glob.substring(0, star);
      suffix = glob.substring(star + 1);
    }
  }

  /** Compiles {@code glob}. */
  public static GlobPattern of(String glob) {
    return new GlobPattern(glob);
  }

  /** Whether the whole of {@code text} matches; {@code null} never matches. */
  public boolean matches(String text) {
    if (text == null) {
      return false;
    }
    return switch (shape) {
      case ANYTHING -> true;
      case LITERAL -> prefix.equals(text);
      case PREFIX_SUFFIX ->
          text.length() >= prefix.length() + suffix.length()
              && text.startsWith(prefix)
              && text.endsWith(suffix);
      case REGEX -> regex.matcher(text).matches();
    };
  }

  /** The regular-expression match, which every fast path must agree with; for tests. */
  boolean matchesByRegex(String text) {
    return text != null && regex.matcher(text).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  /** Regular expressions match by code point, not char: leave such globs to the regex. */
  private static boolean hasSurrogate(String glob) {
    for (int i = 0; i < glob.length(); i++) {
      if (Character.isSurrogate(glob.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static Pattern toRegex(String glob) {
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
    return Pattern.compile(sb.toString(), Pattern.DOTALL);
  }
}
