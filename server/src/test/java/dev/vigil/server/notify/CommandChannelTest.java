package dev.vigil.server.notify;

import static dev.vigil.server.support.TestRelays.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.vigil.protocol.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command channel running real shell scripts. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CommandChannelTest {
  @TempDir Path dir;

  @Test
  void theCommandGetsTheJsonOnStdinAndTheAlertInItsEnvironment() throws Exception {
    Path out = dir.resolve("stdin.json");
    Path env = dir.resolve("env.txt");
    Path script =
        script(
            "cat > '" + out + "'",
            "echo \"$VIGIL_ALERT_ID $VIGIL_SEVERITY $VIGIL_STATE $VIGIL_TRANSITION $VIGIL_HOST\""
                + " > '"
                + env
                + "'");
    CommandChannel channel = channel(List.of(script.toString()), Duration.ofSeconds(5));

    channel.send(TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL)));

    var json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    assertThat(json.get("transition").getAsString()).isEqualTo("firing");
    assertThat(json.getAsJsonObject("alert").get("id").getAsString()).isEqualTo("alert-rack-07");
    assertThat(Files.readString(env).trim())
        .isEqualTo("alert-rack-07 critical firing firing rack-07");
  }

  @Test
  void aNonZeroExitIsAFailure() throws Exception {
    CommandChannel channel = channel(List.of(script("exit 3").toString()), Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                channel.send(
                    TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exited with 3");
  }

  @Test
  void aCommandPastItsTimeoutIsKilledAndCountedAsFailed() throws Exception {
    Path pidFile = dir.resolve("pid");

    long sent = runPastTimeout(script("echo $$ > '" + pidFile + "'", "exec sleep 30"));

    awaitDead("the command", pidFile);
    assertThat(sent).isZero();
  }

  @Test
  void aCommandPastItsTimeoutIsKilledWithTheProcessesItStarted() throws Exception {
    Path pidFile = dir.resolve("child-pid");

    runPastTimeout(script("sleep 30 &", "echo $! > '" + pidFile + "'", "wait"));

    awaitDead("the command's child", pidFile);
  }

  /** Runs {@code script} once with a 300 ms timeout until it fails; returns the sent count. */
  private long runPastTimeout(Path script) throws Exception {
    try (NotificationDispatcher dispatcher =
        TestAlerts.dispatcher(
            List.of(channel(List.of(script.toString()), Duration.ofMillis(300))),
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
            10)) {
      dispatcher.offer(TestAlerts.firing("rack-07", Severity.CRITICAL));
      awaitTrue("failed", () -> dispatcher.stats().channel("command[0]").failed() == 1);
      return dispatcher.stats().channel("command[0]").sent();
    }
  }

  private static void awaitDead(String what, Path pidFile) throws Exception {
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    awaitTrue(what + " killed", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  private CommandChannel channel(List<String> argv, Duration timeout) {
    return new CommandChannel(
        "command[0]", new CommandConfig(argv, timeout, NotificationFilter.ALL));
  }

  private Path script(String... lines) throws IOException {
    Path script = dir.resolve("notify-" + System.nanoTime() + ".sh");
    Files.writeString(script, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
