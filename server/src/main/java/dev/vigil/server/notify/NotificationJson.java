package dev.vigil.server.notify;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.MessageCodec;

/**
 * The JSON of a notification: {@code {"alert": <alert body as on the dashboard stream>,
 * "transition": "firing", "relayId": "…", "sentAtMs": …}}. Thread-safe.
 */
public final class NotificationJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final MessageCodec codec;

  public NotificationJson(MessageCodec codec) {
    this.codec = codec;
  }

  /** The payload for {@code alert} after {@code transition}. */
  public String encode(Alert alert, Transition transition, String relayId, long sentAtMs) {
    JsonObject envelope = JsonParser.parseString(codec.encode(alert)).getAsJsonObject();
    JsonObject root = new JsonObject();
    root.add("alert", envelope.get("body"));
    root.addProperty("transition", transition.wireName());
    root.addProperty("relayId", relayId);
    root.addProperty("sentAtMs", sentAtMs);
    return GSON.toJson(root);
  }
}
