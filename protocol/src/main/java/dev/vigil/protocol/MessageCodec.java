package dev.vigil.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The one codec for every message on every transport. Encoding never fails for a valid record;
 * decoding is strict and never throws: it returns a {@link DecodeResult} that is either the
 * envelope or one precise {@link DecodeError}. Thread-safe; share one instance.
 */
public final class MessageCodec {
  private static final String VERSION_FIELD = "v";
  private static final String TYPE_FIELD = "type";
  private static final String SEQ_FIELD = "seq";
  private static final String BODY_FIELD = "body";

  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
  private final TypeAdapter<JsonElement> jsonElementAdapter = gson.getAdapter(JsonElement.class);
  private final SchemaValidator validator = new SchemaValidator();
  private final int maxMessageBytes;

  /**
   * @param maxMessageBytes the largest message {@link #decode} accepts, in UTF-8 bytes
   */
  public MessageCodec(int maxMessageBytes) {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  /** A codec with the relay's inbound limit, {@link Protocol#MAX_INBOUND_MESSAGE_BYTES}. */
  public static MessageCodec forInbound() {
    return new MessageCodec(Protocol.MAX_INBOUND_MESSAGE_BYTES);
  }

  /** A codec for messages from the relay, limit {@link Protocol#MAX_RELAY_MESSAGE_BYTES}. */
  public static MessageCodec forRelayMessages() {
    return new MessageCodec(Protocol.MAX_RELAY_MESSAGE_BYTES);
  }

  /** The largest message this codec decodes, in bytes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Encodes a message in an envelope of the current version, without a sequence number. */
  public String encode(Message message) {
    return encode(Envelope.of(message));
  }

  /** Encodes an envelope to its JSON text. */
  public String encode(Envelope envelope) {
    if (envelope.body() instanceof Sample sample) {
      return SampleJson.encode(envelope.version(), envelope.seq(), sample);
    }
    return encodeGeneral(envelope);
  }

  /** The general encoder, through the JSON tree; {@link SampleJson} writes the same text. */
  String encodeGeneral(Envelope envelope) {
    JsonObject root = new JsonObject();
    root.addProperty(VERSION_FIELD, envelope.version());
    root.addProperty(TYPE_FIELD, envelope.body().type().wireName());
    if (envelope.seq() != 0) {
      root.addProperty(SEQ_FIELD, envelope.seq());
    }
    root.add(BODY_FIELD, gson.toJsonTree(envelope.body()));
    return gson.toJson(root);
  }

  /** Decodes and validates one message. Never throws. */
  public DecodeResult decode(String text) {
    if (text == null) {
      return failed(DecodeError.MALFORMED_JSON, "message is null");
    }
    if (exceedsLimit(text)) {
      return failed(
          DecodeError.TOO_LARGE,
          "message of " + utf8Length(text) + " bytes exceeds the limit of " + maxMessageBytes);
    }
    Envelope sample = SampleJson.tryDecode(text);
    if (sample != null) {
      return new DecodeResult.Decoded(sample);
    }
    return decodeGeneral(text);
  }

  /** The general decoder, through the JSON tree and the schema check; no size check. */
  DecodeResult decodeGeneral(String text) {
    JsonElement root;
    try {
      root = parseStrict(text);
    } catch (IOException | JsonParseException | IllegalStateException e) {
      return failed(DecodeError.MALFORMED_JSON, "not valid JSON: " + rootCause(e));
    }
    if (!root.isJsonObject()) {
      return failed(DecodeError.MALFORMED_JSON, "message must be a JSON object");
    }
    JsonObject object = root.getAsJsonObject();
    DecodeResult header = checkHeader(object);
    if (header != null) {
      return header;
    }
    int version = object.get(VERSION_FIELD).getAsInt();
    String typeName = object.get(TYPE_FIELD).getAsString();
    MessageType type = MessageType.fromWireName(typeName);
    if (type == null) {
      return failed(DecodeError.UNKNOWN_TYPE, "unknown message type '" + typeName + "'");
    }
    long seq = 0;
    JsonElement seqElement = object.get(SEQ_FIELD);
    if (seqElement != null && !seqElement.isJsonNull()) {
      if (!isWholeNumber(seqElement)) {
        return failed(DecodeError.INVALID_FIELD, "field 'seq' must be a whole number");
      }
      seq = seqElement.getAsLong();
    }
    JsonElement body = object.get(BODY_FIELD);
    if (body == null || body.isJsonNull()) {
      return failed(DecodeError.MISSING_FIELD, "missing required field 'body' in " + typeName);
    }
    SchemaValidator.Problem problem = validator.check(type.recordClass(), body, typeName);
    if (problem != null) {
      return failed(problem.error(), problem.detail());
    }
    try {
      Message message = gson.fromJson(body, type.recordClass());
      return new DecodeResult.Decoded(new Envelope(version, seq, message));
    } catch (RuntimeException e) {
      return failed(DecodeError.INVALID_FIELD, "invalid " + typeName + ": " + rootCause(e));
    }
  }

  private DecodeResult checkHeader(JsonObject object) {
    JsonElement v = object.get(VERSION_FIELD);
    if (v == null || v.isJsonNull()) {
      return failed(DecodeError.MISSING_FIELD, "missing required field 'v' (protocol version)");
    }
    if (!isWholeNumber(v)) {
      return failed(DecodeError.MALFORMED_JSON, "field 'v' must be a whole number");
    }
    int version = v.getAsInt();
    if (!Protocol.SUPPORTED_VERSIONS.contains(version)) {
      return failed(
          DecodeError.UNSUPPORTED_VERSION,
          "protocol version " + version + " is not supported; supported: " + Protocol.VERSION);
    }
    JsonElement type = object.get(TYPE_FIELD);
    if (type == null || type.isJsonNull()) {
      return failed(DecodeError.MISSING_FIELD, "missing required field 'type'");
    }
    if (!type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
      return failed(DecodeError.MALFORMED_JSON, "field 'type' must be a string");
    }
    return null;
  }

  private static boolean isWholeNumber(JsonElement e) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return false;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    try {
      p.getAsBigDecimal().longValueExact();
      return true;
    } catch (ArithmeticException ex) {
      return false;
    }
  }

  private boolean exceedsLimit(String text) {
    // A UTF-8 char takes 1 to 3 bytes per UTF-16 unit: skip the exact count when the answer is
    // clear.
    if ((long) text.length() * 3 <= maxMessageBytes) {
      return false;
    }
    if (text.length() > maxMessageBytes) {
      return true;
    }
    return utf8Length(text) > maxMessageBytes;
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static DecodeResult.Failed failed(DecodeError error, String detail) {
    return new DecodeResult.Failed(error, detail);
  }

  /** Parses strictly (RFC 8259): no comments, no single quotes, nothing after the value. */
  private JsonElement parseStrict(String text) throws IOException {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    JsonElement root = jsonElementAdapter.read(reader);
    if (reader.peek() != JsonToken.END_DOCUMENT) {
      throw new MalformedJsonException("unexpected data after the JSON value");
    }
    return root;
  }
}
