package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.Severity;
import dev.vigil.server.alert.GlobPattern;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which alert transitions one channel is told of.
 *
 * @param minSeverity the least severity notified
 * @param hostGlob host ids notified (glob, see {@link GlobPattern}); null for every host
 * @param transitions the transitions notified; never {@link Transition#PENDING}
 */
public record NotificationFilter(
    Severity minSeverity, GlobPattern hostGlob, Set<Transition> transitions) {

  /** Transitions notified when a channel names none: firing and resolved. */
  public static final Set<Transition> DEFAULT_TRANSITIONS =
      Set.copyOf(EnumSet.of(Transition.FIRING, Transition.RESOLVED));

  /** Every firing and resolved alert of any severity on any host. */
  public static final NotificationFilter ALL =
      new NotificationFilter(Severity.INFO, null, DEFAULT_TRANSITIONS);

  public NotificationFilter {
    Objects.requireNonNull(minSeverity, "minSeverity");
    transitions = Set.copyOf(transitions);
    if (transitions.contains(Transition.PENDING)) {
      throw new IllegalArgumentException("pending alerts are never notified");
    }
  }

  /**
   * True when {@code change} passes this filter and is not skipped by {@link #shouldSkip}. An alert
   * that resolves without ever firing never passes: nobody was told it started.
   */
  public boolean accepts(AlertChange change) {
    Alert alert = change.alert();
    return !shouldSkip(alert)
        && transitions.contains(change.transition())
        && !(change.transition() == Transition.RESOLVED && alert.firingAtMs() == null)
        && alert.severity().compareTo(minSeverity) >= 0
        && (hostGlob == null || hostGlob.matches(alert.hostId()));
  }

  /**
   * Alerts no channel is told of, whatever its filter: silenced ones (an operator said so) and
   * flapping ones (held firing; people hear of them again once they settle). When a silence ends or
   * an alert stops flapping, the relay pushes it again, and that push is notified.
   */
  public static boolean shouldSkip(Alert alert) {
    return alert.isSilenced() || alert.isFlapping();
  }
}
