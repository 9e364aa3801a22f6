package dev.vigil.protocol;

/**
 * The one envelope every message travels in, on every transport: {@code {"v":1, "type":"sample",
 * "seq":42, "body":{...}}}.
 *
 * @param version protocol version ({@code v})
 * @param seq sequence number on the sending stream; 0 when the stream does not number its messages
 * @param body the message; its type gives the {@code type} field
 */
public record Envelope(int version, long seq, Message body) {

  /** An envelope of the current version without a sequence number. */
  public static Envelope of(Message body) {
    return new Envelope(Protocol.VERSION, 0, body);
  }
}
