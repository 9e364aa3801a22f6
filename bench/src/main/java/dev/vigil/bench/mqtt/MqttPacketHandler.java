package dev.vigil.bench.mqtt;

/** Receives the packets an {@link MqttStreamDecoder} finds. */
public interface MqttPacketHandler {
  /**
   * One complete packet. The body (everything after the fixed header) is valid only during the
   * call.
   *
   * @param type packet type, e.g. {@link MqttPackets#PUBLISH}
   * @param flags the low four bits of the first byte
   */
  void onPacket(int type, int flags, byte[] body, int offset, int length) throws MqttException;
}
