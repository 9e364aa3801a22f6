package dev.vigil.server.http;

/**
 * Writes the Prometheus text exposition format 0.0.4: {@code # HELP}, {@code # TYPE} and sample
 * lines, label values escaped (backslash, double quote, line feed).
 */
final class PrometheusText {
  /** The content type of the format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(4096);

  /** Starts a metric family. */
  PrometheusText family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ');
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
    out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** A sample without labels. */
  PrometheusText sample(String name, double value) {
    out.append(name).append(' ');
    return value(value);
  }

  /** A sample with labels given as name, value, name, value, … */
  PrometheusText sample(String name, double value, String... labels) {
    out.append(name).append('{');
    for (int i = 0; i < labels.length; i += 2) {
      out.append(i == 0 ? "" : ",").append(labels[i]).append("=\"");
      escapeLabel(labels[i + 1]);
      out.append('"');
    }
    out.append("} ");
    return value(value);
  }

  private PrometheusText value(double v) {
    if (Double.isNaN(v)) {
      out.append("NaN");
    } else if (Double.isInfinite(v)) {
      out.append(v > 0 ? "+Inf" : "-Inf");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      out.append((long) v);
    } else {
      out.append(v);
    }
    out.append('\n');
    return this;
  }

  private void escapeLabel(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
