package dev.vigil.ui.history;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.ProxySettings;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@link HistorySource} over the relay's HTTP API ({@code GET /api/series/<host>/<sensor>}) with
 * the operator token, through the proxy the standard settings name for the relay's HTTP address.
 */
public final class RelayHistoryClient implements HistorySource {
  /** How long one request may take. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final URI base;
  private final String token;
  private final HttpClient http;

  /**
   * @param httpUri the relay's HTTP address
   * @param token the operator token
   */
  public RelayHistoryClient(URI httpUri, String token) {
    this.base = httpUri.getPath().endsWith("/") ? httpUri : URI.create(httpUri + "/");
    this.token = token;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    ProxySettings.proxyFor(httpUri, System.getenv())
        .ifPresent(
            p -> {
              builder.proxy(ProxySelector.of(p.address()));
              if (p.hasCredentials()) {
                dev.vigil.link.ProxyCredentials.register(p);
                builder.authenticator(dev.vigil.link.ProxyCredentials.authenticator());
              }
            });
    this.http = builder.build();
  }

  @Override
  public CompletableFuture<SeriesPoints> series(
      String hostId, String sensorId, long fromMs, long toMs) {
    URI uri =
        base.resolve(
            "api/series/"
                + encode(hostId)
                + "/"
                + encode(sensorId)
                + "?from="
                + fromMs
                + "&to="
                + toMs
                + "&resolution=auto");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> parse(hostId, sensorId, response.statusCode(), response.body()));
  }

  /** Most transitions asked for at once (the relay's own limit). */
  public static final int MAX_TRANSITIONS = 5_000;

  private static final dev.vigil.protocol.MessageCodec CODEC =
      dev.vigil.protocol.MessageCodec.forRelayMessages();

  @Override
  public CompletableFuture<java.util.List<dev.vigil.protocol.Alert>> alertTransitions(
      long fromMs, long toMs, int limit) {
    URI uri =
        base.resolve(
            "api/alerts/history?from="
                + fromMs
                + "&to="
                + toMs
                + "&limit="
                + Math.min(limit, MAX_TRANSITIONS));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> parseTransitions(response.statusCode(), response.body()));
  }

  static java.util.List<dev.vigil.protocol.Alert> parseTransitions(int status, String body) {
    JsonObject json;
    try {
      json = JsonParser.parseString(body).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the relay's history answered HTTP " + status + " without JSON");
    }
    if (status != 200) {
      String error = json.has("error") ? json.get("error").getAsString() : "HTTP " + status;
      throw new IllegalStateException("history unavailable: " + error);
    }
    java.util.List<dev.vigil.protocol.Alert> out = new java.util.ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("transitions")) {
      // Each is an alert's body; the codec reads it as the message it was pushed in.
      dev.vigil.protocol.DecodeResult result =
          CODEC.decode("{\"v\":1,\"type\":\"alert\",\"body\":" + element + "}");
      if (result instanceof dev.vigil.protocol.DecodeResult.Decoded decoded
          && decoded.envelope().body() instanceof dev.vigil.protocol.Alert alert) {
        out.add(alert);
      }
    }
    return out;
  }

  static SeriesPoints parse(String hostId, String sensorId, int status, String body) {
    JsonObject json;
    try {
      json = JsonParser.parseString(body).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the relay's history answered HTTP " + status + " without JSON");
    }
    if (status != 200) {
      String error = json.has("error") ? json.get("error").getAsString() : "HTTP " + status;
      throw new IllegalStateException("history unavailable: " + error);
    }
    String resolution = json.has("resolution") ? json.get("resolution").getAsString() : "raw";
    JsonArray points = json.getAsJsonArray("points");
    long[] times = new long[points.size()];
    double[] values = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      JsonArray p = points.get(i).getAsJsonArray();
      times[i] = p.get(0).getAsLong();
      // raw: [t, value]; 1m: [t, min, avg, max]
      JsonElement value = p.size() >= 4 ? p.get(2) : p.get(1);
      values[i] = value.getAsDouble();
    }
    return new SeriesPoints(hostId, sensorId, resolution, times, values);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
