package dev.vigil.ui.support;

import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Welcome;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A small real agent for tests: a Java-WebSocket client that says hello as an agent, waits for the
 * welcome, answers pings, and sends whatever the test gives it.
 */
public final class AgentTestClient extends WebSocketClient {
  private static final long WELCOME_TIMEOUT_S = 10;

  private final MessageCodec codec = MessageCodec.forInbound();
  private final Hello hello;
  private final CountDownLatch welcomed = new CountDownLatch(1);

  private AgentTestClient(URI relay, Hello hello) {
    super(relay);
    this.hello = hello;
    setTcpNoDelay(true);
  }

  /** Connects to the relay as agent {@code hostId} and waits for the welcome. */
  public static AgentTestClient connect(int port, String token, String hostId, String name)
      throws InterruptedException {
    Hello hello = new Hello(Role.AGENT, token, hostId, name, "test", Map.of(), false, "test-os");
    AgentTestClient agent = new AgentTestClient(URI.create("ws://localhost:" + port), hello);
    if (!agent.connectBlocking(WELCOME_TIMEOUT_S, TimeUnit.SECONDS)) {
      throw new IllegalStateException("agent could not connect to port " + port);
    }
    if (!agent.welcomed.await(WELCOME_TIMEOUT_S, TimeUnit.SECONDS)) {
      throw new IllegalStateException("relay did not welcome agent " + hostId);
    }
    return agent;
  }

  /** Sends one message to the relay. */
  public void sendMessage(Message message) {
    send(codec.encode(message));
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    send(codec.encode(hello));
  }

  @Override
  public void onMessage(String text) {
    if (codec.decode(text) instanceof DecodeResult.Decoded decoded) {
      Message body = decoded.envelope().body();
      if (body instanceof Welcome) {
        welcomed.countDown();
      } else if (body instanceof Ping ping) {
        send(codec.encode(new Pong(ping.nonce(), ping.sentAtMs())));
      }
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {}

  @Override
  public void onError(Exception e) {}
}
