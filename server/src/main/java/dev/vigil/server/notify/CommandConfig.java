package dev.vigil.server.notify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command run once per notified transition, the alert's JSON on its standard input.
 *
 * @param argv program and arguments, run without a shell
 * @param timeout how long it may run before it is killed (a failure)
 * @param filter what it is told of
 */
public record CommandConfig(List<String> argv, Duration timeout, NotificationFilter filter) {

  /** The timeout when the config names none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public CommandConfig {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv needs at least the program");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    Objects.requireNonNull(filter, "filter");
  }
}
