package dev.vigil.server.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program per notification: the JSON on its standard input, the alert's id, severity, state,
 * transition and host in {@code VIGIL_*} variables. Exit code 0 is delivered; a run past the
 * timeout is killed and failed. Its output is discarded.
 */
public final class CommandChannel implements NotificationChannel {
  /** How long a killed command has to exit before it is killed forcibly. */
  public static final long KILL_GRACE_MS = 1_000;

  private final String name;
  private final CommandConfig config;

  public CommandChannel(String name, CommandConfig config) {
    this.name = name;
    this.config = config;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NotificationFilter filter() {
    return config.filter();
  }

  @Override
  public void send(Notification notification) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(config.argv())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("VIGIL_ALERT_ID", notification.alert().id());
    env.put("VIGIL_SEVERITY", notification.alert().severity().name().toLowerCase(Locale.ROOT));
    env.put("VIGIL_STATE", notification.alert().state().name().toLowerCase(Locale.ROOT));
    env.put("VIGIL_TRANSITION", notification.transition().wireName());
    env.put("VIGIL_HOST", notification.alert().hostId());
    Process process = builder.start();
    try {
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(notification.json().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The command need not read its input; its exit code decides.
      }
      if (!process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(
            config.argv().get(0) + " ran past " + config.timeout().toMillis() + " ms; killed");
      }
      if (process.exitValue() != 0) {
        throw new IOException(config.argv().get(0) + " exited with " + process.exitValue());
      }
    } finally {
      if (process.isAlive()) {
        killTree(process);
      }
    }
  }

  /**
   * Ends the command and everything it started (a shell's children would otherwise live on, adopted
   * by init): asks each to stop, then kills what is left after {@link #KILL_GRACE_MS}. The children
   * are listed before the command ends, as after it they are no longer its descendants.
   */
  private static void killTree(Process process) throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_GRACE_MS);
    if (!process.waitFor(KILL_GRACE_MS, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          child.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // still running: killed below
      }
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }
}
