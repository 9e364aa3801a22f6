package dev.vigil.server.config;

import java.net.URI;
import java.util.Objects;

/**
 * The central relay a site relay forwards its hosts to (upstream mode).
 *
 * @param url the central relay's WebSocket address, {@code ws://} or {@code wss://}
 * @param token an agent token of the central relay: every forwarded host joins it as an agent
 * @param site this site's name, added to every forwarded host as the label {@code site=<site>}
 */
public record UpstreamConfig(URI url, String token, String site) {
  /** Longest site name: it is a label value shown on every dashboard. */
  public static final int MAX_SITE_LENGTH = 64;

  public UpstreamConfig {
    String problem = RelayConfig.webSocketUrlProblem(url);
    if (problem != null) {
      throw new IllegalArgumentException("url: " + problem);
    }
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    Objects.requireNonNull(site, "site");
    if (site.isBlank() || site.length() > MAX_SITE_LENGTH) {
      throw new IllegalArgumentException(
          "site must be 1 to " + MAX_SITE_LENGTH + " characters, got '" + site + "'");
    }
  }
}
