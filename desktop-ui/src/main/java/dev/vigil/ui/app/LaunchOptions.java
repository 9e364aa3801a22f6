package dev.vigil.ui.app;

import dev.vigil.ui.connection.RelayEndpoint;
import dev.vigil.ui.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overrides given at launch: flags ({@code --relay ws://..., --token T, --theme dark}) win over the
 * environment ({@code VIGIL_RELAY_URL}, {@code VIGIL_TOKEN}), which wins over the remembered
 * settings. Overrides apply to this run only and are not saved. Hidden demo flags: {@code
 * --screenshot FILE} saves a PNG of the window after {@code --screenshot-after SECONDS} (default
 * {@link #DEFAULT_SCREENSHOT_DELAY_SECONDS}) and exits; {@code --page
 * hosts|alerts|events|rules|tokens} and {@code --host ID-OR-NAME} choose the page shown; {@code
 * --size WIDTHxHEIGHT} sets the window size.
 *
 * @param relayUrl the relay address to use instead of the remembered one
 * @param token the operator token to use instead of the remembered one
 * @param theme the theme to use instead of the remembered one
 * @param screenshot where to save a screenshot before exiting
 * @param screenshotDelaySeconds how long to run before the screenshot
 * @param openHost a host page to open at start, by host id or name
 * @param page the list page to show at start
 * @param windowSize the window size to use instead of the remembered one
 * @param link the relay's HTTP address ({@code --relay-http URL}) and listen mode ({@code --listen
 *     HOST:PORT}, {@code --listen-allow A,B})
 */
public record LaunchOptions(
    Optional<String> relayUrl,
    Optional<String> token,
    Optional<Theme> theme,
    Optional<Path> screenshot,
    double screenshotDelaySeconds,
    Optional<String> openHost,
    Optional<Page> page,
    Optional<WindowSize> windowSize,
    LinkOptions link) {
  /** How long the dashboard runs before a requested screenshot, unless told otherwise. */
  public static final double DEFAULT_SCREENSHOT_DELAY_SECONDS = 8;

  /** Environment variable naming the relay address. */
  public static final String ENV_RELAY_URL = "VIGIL_RELAY_URL";

  /** Environment variable holding the operator token. */
  public static final String ENV_TOKEN = "VIGIL_TOKEN";

  /**
   * Reads flags and environment.
   *
   * @throws IllegalArgumentException naming the bad flag or value
   */
  public static LaunchOptions parse(List<String> args, Map<String, String> env) {
    Optional<String> relay = nonBlank(env.get(ENV_RELAY_URL));
    Optional<String> token = nonBlank(env.get(ENV_TOKEN));
    Optional<Theme> theme = Optional.empty();
    Optional<Path> screenshot = Optional.empty();
    Optional<String> host = Optional.empty();
    Optional<Page> page = Optional.empty();
    Optional<WindowSize> size = Optional.empty();
    double delaySeconds = DEFAULT_SCREENSHOT_DELAY_SECONDS;
    Optional<java.net.URI> relayHttp = Optional.empty();
    Optional<java.net.InetSocketAddress> listen = Optional.empty();
    List<String> listenAllow = List.of();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      String value = valueAfter(args, i++, flag);
      switch (flag) {
        case "--relay" -> relay = Optional.of(value);
        case "--token" -> token = Optional.of(value);
        case "--theme" -> theme = Optional.of(Theme.parse(value));
        case "--screenshot" -> screenshot = Optional.of(Path.of(value));
        case "--host" -> host = Optional.of(value);
        case "--page" -> page = Optional.of(pageOf(value));
        case "--screenshot-after" -> delaySeconds = secondsOf(value);
        case "--size" -> size = Optional.of(WindowSize.parse(value));
        case "--relay-http" -> relayHttp = Optional.of(httpUriOf(value));
        case "--listen" -> listen = Optional.of(listenAddressOf(value));
        case "--listen-allow" ->
            listenAllow =
                java.util.Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(v -> !v.isEmpty())
                    .toList();
        default ->
            throw new IllegalArgumentException(
                "unknown option '"
                    + flag
                    + "'; known: --relay, --token, --theme, --relay-http, --listen,"
                    + " --listen-allow");
      }
    }
    if (relay.isPresent()) {
      Optional<String> problem = RelayEndpoint.problemWith(relay.get());
      if (problem.isPresent()) {
        throw new IllegalArgumentException(problem.get());
      }
    }
    return new LaunchOptions(
        relay,
        token,
        theme,
        screenshot,
        delaySeconds,
        host,
        page,
        size,
        new LinkOptions(relayHttp, listen, listenAllow));
  }

  /** The remembered settings with these overrides applied. */
  public Settings applyTo(Settings remembered) {
    Settings s =
        remembered.withRelay(
            relayUrl.orElse(remembered.relayUrl()), token.orElse(remembered.token()));
    Settings themed = theme.map(s::withTheme).orElse(s);
    return windowSize.map(w -> themed.withWindowSize(w.width(), w.height())).orElse(themed);
  }

  /**
   * A window size in pixels, given as {@code WIDTHxHEIGHT}.
   *
   * @param width in pixels, at least {@link Settings#MIN_SIZE}
   * @param height in pixels, at least {@link Settings#MIN_SIZE}
   */
  public record WindowSize(double width, double height) {
    /** Parses e.g. "1600x1000". */
    public static WindowSize parse(String text) {
      String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
      try {
        if (parts.length == 2) {
          double width = Double.parseDouble(parts[0]);
          double height = Double.parseDouble(parts[1]);
          if (width >= Settings.MIN_SIZE && height >= Settings.MIN_SIZE) {
            return new WindowSize(width, height);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "--size needs WIDTHxHEIGHT, each at least "
              + (int) Settings.MIN_SIZE
              + " pixels, got '"
              + text
              + "'");
    }
  }

  private static double secondsOf(String value) {
    try {
      double seconds = Double.parseDouble(value);
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--screenshot-after needs seconds > 0, got '" + value + "'");
  }

  private static java.net.URI httpUriOf(String value) {
    try {
      java.net.URI uri = new java.net.URI(value.trim());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--relay-http needs an http:// or https:// URL with a host, got '" + value + "'");
  }

  private static java.net.InetSocketAddress listenAddressOf(String value) {
    int colon = value.lastIndexOf(':');
    try {
      int port = Integer.parseInt(value.substring(colon + 1).trim());
      if (colon >= 0 && port >= 1 && port <= 65535) {
        String host = value.substring(0, colon).trim();
        return host.isEmpty()
            ? new java.net.InetSocketAddress(port)
            : new java.net.InetSocketAddress(host, port);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--listen needs HOST:PORT or :PORT with a port from 1 to 65535, got '" + value + "'");
  }

  private static Page pageOf(String value) {
    try {
      Page page = Page.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      if (page != Page.HOST) {
        return page;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "page must be hosts, alerts, events, rules or tokens, got '" + value + "'");
  }

  private static String valueAfter(List<String> args, int index, String flag) {
    if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
      throw new IllegalArgumentException("option '" + flag + "' needs a value");
    }
    return args.get(index + 1);
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
