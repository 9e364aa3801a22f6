package dev.vigil.agent.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP proxy from Debian (package {@code tinyproxy}, installed by {@code .ci/run}) on a free
 * localhost port, with a generated config that allows only loopback clients and logs every CONNECT.
 * It can be made strict the way corporate proxies are ({@link Refusal}). Started in the foreground
 * as a child process; {@link #close()} stops it.
 */
public final class Tinyproxy implements AutoCloseable {
  /** What a strict proxy refuses. */
  public enum Refusal {
    /**
     * CONNECT tunnels to any port but 443, so a WebSocket to the relay cannot pass; plain proxied
     * requests still do.
     */
    TUNNELS,
    /** Requests whose URL contains {@code /events}: the relay's Server-Sent Events streams. */
    EVENT_STREAMS
  }

  private static final long START_TIMEOUT_MS = 10_000;

  private final Process process;
  private final int port;
  private final Path log;

  private Tinyproxy(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts tinyproxy with its files in {@code dir}; fails the test if it is not installed. */
  public static Tinyproxy start(Path dir) throws IOException, InterruptedException {
    return start(dir, java.util.Set.of());
  }

  /** Starts a strict tinyproxy refusing {@code refusals}. */
  public static Tinyproxy start(Path dir, java.util.Set<Refusal> refusals)
      throws IOException, InterruptedException {
    return start(dir, refusals, null, null);
  }

  /**
   * Starts a tinyproxy refusing {@code refusals} that asks every client for {@code user} and {@code
   * password} (Basic authentication, answered 407 otherwise); null for none.
   */
  public static Tinyproxy start(
      Path dir, java.util.Set<Refusal> refusals, String user, String password)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path log = dir.resolve("tinyproxy.log");
    Path conf = dir.resolve("tinyproxy.conf");
    java.util.List<String> lines =
        new java.util.ArrayList<>(
            java.util.List.of(
                "Port " + port,
                "Listen 127.0.0.1",
                "Timeout 600",
                "Allow 127.0.0.1",
                "LogFile \"" + log + "\"",
                "LogLevel Connect",
                "MaxClients 100",
                "DisableViaHeader Yes"));
    if (user != null) {
      lines.add("BasicAuth " + user + " " + password);
    }
    if (refusals.contains(Refusal.TUNNELS)) {
      lines.add("ConnectPort 443");
    }
    if (refusals.contains(Refusal.EVENT_STREAMS)) {
      Path filter = dir.resolve("tinyproxy.filter");
      Files.writeString(filter, "/events\n", StandardCharsets.UTF_8);
      lines.add("Filter \"" + filter + "\"");
      lines.add("FilterURLs On");
      lines.add("FilterType ere");
    }
    lines.add("");
    Files.writeString(conf, String.join("\n", lines), StandardCharsets.UTF_8);
    Process process;
    try {
      process =
          new ProcessBuilder("tinyproxy", "-d", "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("tinyproxy.out").toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "tinyproxy is not installed (apt-get install tinyproxy; .ci/run does it)", e);
    }
    int listenPort = port;
    boolean listening =
        Await.until(
            () -> process.isAlive() && accepts(listenPort), Duration.ofMillis(START_TIMEOUT_MS));
    if (!listening) {
      process.destroyForcibly();
      throw new AssertionError(
          "tinyproxy did not listen on "
              + port
              + ": "
              + Files.readString(dir.resolve("tinyproxy.out")));
    }
    return new Tinyproxy(process, port, log);
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** The proxy's address. */
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** What tinyproxy logged so far (every CONNECT appears as a line naming the target). */
  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
