package dev.vigil.protocol;

/** The distinct ways a message can fail to decode. */
public enum DecodeError {
  /** Not JSON, or not a JSON object, or an envelope field of the wrong type. */
  MALFORMED_JSON,
  /** Larger than the codec's limit. */
  TOO_LARGE,
  /** The {@code v} field names a version this code does not speak. */
  UNSUPPORTED_VERSION,
  /** The {@code type} field names no known message. */
  UNKNOWN_TYPE,
  /** A required field is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong JSON type or an unknown enum value. */
  INVALID_FIELD
}
