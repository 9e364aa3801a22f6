package dev.vigil.server.link;

import java.util.Collection;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;

/**
 * Sends one text to many peers, converting it to a WebSocket frame once rather than once per peer
 * (as {@code WebSocketServer.broadcast} does). Call from one thread at a time: the frame's payload
 * buffer is shared and rewound after each copy.
 */
public final class FanOut {
  private static final Draft_6455 FRAMES = new Draft_6455();

  private FanOut() {}

  /** Queues {@code text} on every link in {@code links}. */
  public static void send(String text, Collection<? extends PeerLink> links) {
    List<Framedata> frames = null;
    for (PeerLink link : links) {
      if (link instanceof WebSocketPeerLink ws) {
        if (frames == null) {
          frames = FRAMES.createFrames(text, false);
        }
        ws.sendFrames(frames);
      } else {
        link.send(text);
      }
    }
  }
}
