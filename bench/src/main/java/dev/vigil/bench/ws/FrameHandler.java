package dev.vigil.bench.ws;

/** Receives what a {@link WsFrameDecoder} finds in the byte stream from the server. */
public interface FrameHandler {
  /**
   * A control frame, or a complete data message (fragments already joined). The bytes are valid
   * only during the call.
   */
  void onFrame(int opcode, byte[] data, int offset, int length);

  /** A data message larger than the decoder's limit; its bytes were skipped unread. */
  void onOversized(int opcode, long length);
}
