package dev.vigil.bench.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * Encoders and field readers for the few MQTT 3.1.1 packets the harness needs: CONNECT, CONNACK,
 * SUBSCRIBE, SUBACK, PUBLISH at QoS 0, PINGREQ/PINGRESP and DISCONNECT. Stateless; thread-safe.
 */
public final class MqttPackets {
  public static final int CONNECT = 1;
  public static final int CONNACK = 2;
  public static final int PUBLISH = 3;
  public static final int SUBSCRIBE = 8;
  public static final int SUBACK = 9;
  public static final int PINGREQ = 12;
  public static final int PINGRESP = 13;
  public static final int DISCONNECT = 14;

  /** CONNACK return code for an accepted connection. */
  public static final int CONNECTION_ACCEPTED = 0;

  /** SUBACK return code for a refused subscription. */
  public static final int SUBSCRIPTION_FAILURE = 0x80;

  /** Largest value the variable-length "remaining length" field can carry. */
  public static final int MAX_REMAINING_LENGTH = 268_435_455;

  /** Most bytes the remaining-length field takes. */
  public static final int MAX_REMAINING_LENGTH_BYTES = 4;

  static final byte[] PROTOCOL_NAME = "MQTT".getBytes(StandardCharsets.US_ASCII);
  static final int PROTOCOL_LEVEL_3_1_1 = 4;
  static final int CONNECT_FLAG_CLEAN_SESSION = 0x02;

  /** SUBSCRIBE's fixed-header flags are fixed at 0b0010 by the spec. */
  static final int SUBSCRIBE_FLAGS = 0x2;

  private MqttPackets() {}

  /** CONNECT with a clean session, no will, no credentials. */
  public static byte[] connect(String clientId, int keepAliveSeconds) {
    if (keepAliveSeconds < 0 || keepAliveSeconds > 0xFFFF) {
      throw new IllegalArgumentException("keep-alive out of range: " + keepAliveSeconds);
    }
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    int body = 2 + PROTOCOL_NAME.length + 1 + 1 + 2 + 2 + id.length;
    byte[] packet = new byte[1 + remainingLengthBytes(body) + body];
    int p = writeFixedHeader(packet, CONNECT, 0, body);
    p = writeString(packet, p, PROTOCOL_NAME);
    packet[p++] = (byte) PROTOCOL_LEVEL_3_1_1;
    packet[p++] = (byte) CONNECT_FLAG_CLEAN_SESSION;
    packet[p++] = (byte) (keepAliveSeconds >>> 8);
    packet[p++] = (byte) keepAliveSeconds;
    writeString(packet, p, id);
    return packet;
  }

  /** SUBSCRIBE to one topic filter at QoS 0. */
  public static byte[] subscribe(int packetId, String topicFilter) {
    checkPacketId(packetId);
    byte[] filter = topicFilter.getBytes(StandardCharsets.UTF_8);
    int body = 2 + 2 + filter.length + 1;
    byte[] packet = new byte[1 + remainingLengthBytes(body) + body];
    int p = writeFixedHeader(packet, SUBSCRIBE, SUBSCRIBE_FLAGS, body);
    packet[p++] = (byte) (packetId >>> 8);
    packet[p++] = (byte) packetId;
    p = writeString(packet, p, filter);
    packet[p] = 0; // requested QoS 0
    return packet;
  }

  /**
   * The fixed header and topic of a QoS 0 PUBLISH whose payload, {@code payloadLength} bytes,
   * follows directly; sent as one prefix so the payload needs no copy.
   */
  public static byte[] publishHeader(String topic, int payloadLength) {
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    int body = 2 + name.length + payloadLength;
    int headerLength = 1 + remainingLengthBytes(body) + 2 + name.length;
    byte[] header = new byte[headerLength];
    int p = writeFixedHeader(header, PUBLISH, 0, body);
    writeString(header, p, name);
    return header;
  }

  /** PINGREQ. */
  public static byte[] pingreq() {
    return new byte[] {(byte) (PINGREQ << 4), 0};
  }

  /** DISCONNECT. */
  public static byte[] disconnect() {
    return new byte[] {(byte) (DISCONNECT << 4), 0};
  }

  /** Bytes the remaining-length field takes for {@code value}. */
  public static int remainingLengthBytes(int value) {
    if (value < 0 || value > MAX_REMAINING_LENGTH) {
      throw new IllegalArgumentException("remaining length out of range: " + value);
    }
    int bytes = 1;
    while (value > 0x7F) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }

  /** Writes {@code value} as a remaining-length field at {@code off}; returns the next offset. */
  public static int writeRemainingLength(byte[] dst, int off, int value) {
    remainingLengthBytes(value);
    int p = off;
    do {
      int digit = value & 0x7F;
      value >>>= 7;
      dst[p++] = (byte) (value > 0 ? digit | 0x80 : digit);
    } while (value > 0);
    return p;
  }

  /** CONNACK's return code, from its 2-byte body. */
  public static int connackReturnCode(byte[] body, int off, int len) throws MqttException {
    if (len != 2) {
      throw new MqttException("CONNACK body must be 2 bytes, got " + len);
    }
    return body[off + 1] & 0xFF;
  }

  /** SUBACK's first return code (the granted QoS, or 0x80 for a failure). */
  public static int subackReturnCode(byte[] body, int off, int len) throws MqttException {
    if (len < 3) {
      throw new MqttException("SUBACK body must be at least 3 bytes, got " + len);
    }
    return body[off + 2] & 0xFF;
  }

  /**
   * Offset of the application payload inside a PUBLISH body: after the topic and, for QoS 1 and 2,
   * the packet id.
   */
  public static int publishPayloadOffset(int flags, byte[] body, int off, int len)
      throws MqttException {
    if (len < 2) {
      throw new MqttException("PUBLISH body of " + len + " bytes has no topic length");
    }
    int topicLength = ((body[off] & 0xFF) << 8) | (body[off + 1] & 0xFF);
    int qos = (flags >>> 1) & 0x3;
    int payloadOffset = off + 2 + topicLength + (qos > 0 ? 2 : 0);
    if (payloadOffset > off + len) {
      throw new MqttException(
          "PUBLISH topic of " + topicLength + " bytes overruns its body of " + len);
    }
    return payloadOffset;
  }

  private static int writeFixedHeader(byte[] dst, int type, int flags, int remainingLength) {
    dst[0] = (byte) ((type << 4) | flags);
    return writeRemainingLength(dst, 1, remainingLength);
  }

  private static int writeString(byte[] dst, int off, byte[] utf8) {
    if (utf8.length > 0xFFFF) {
      throw new IllegalArgumentException("MQTT string longer than 65535 bytes");
    }
    dst[off] = (byte) (utf8.length >>> 8);
    dst[off + 1] = (byte) utf8.length;
    System.arraycopy(utf8, 0, dst, off + 2, utf8.length);
    return off + 2 + utf8.length;
  }

  private static void checkPacketId(int packetId) {
    if (packetId < 1 || packetId > 0xFFFF) {
      throw new IllegalArgumentException("packet id must be 1..65535: " + packetId);
    }
  }
}
