package dev.vigil.ui.alerts;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns alerts that start firing into desktop notices: the {@link NotificationPolicy} decides which
 * and when (the first at once, a burst gathered), a timer closes each gathering window, and the
 * {@link NoticePopupStack} shows them. When no popup can show (no window yet, or the platform
 * refuses), the notice becomes an in-app message instead; never throws. Use on the UI thread.
 */
public final class DesktopAlertNotifier implements AlertNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(DesktopAlertNotifier.class);

  private final NotificationPolicy policy;
  private final NoticePopupStack popups;
  private final Consumer<String> fallback;
  private final AlertSound sound;
  private final PauseTransition windowTimer = new PauseTransition();

  /**
   * @param policy which notices to show, and when
   * @param popups shows them
   * @param fallback shows a message inside the app when a popup cannot show
   */
  public DesktopAlertNotifier(
      NotificationPolicy policy, NoticePopupStack popups, Consumer<String> fallback) {
    this(policy, popups, fallback, AlertSound.SILENT);
  }

  /** As above, sounding every notice with {@code sound}. */
  public DesktopAlertNotifier(
      NotificationPolicy policy,
      NoticePopupStack popups,
      Consumer<String> fallback,
      AlertSound sound) {
    this.sound = Objects.requireNonNull(sound, "sound");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.popups = Objects.requireNonNull(popups, "popups");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    windowTimer.setOnFinished(e -> windowClosed());
  }

  @Override
  public void alertFiring(AlertRow row) {
    for (AlertNotice notice : policy.offer(row)) {
      show(notice);
    }
    if (policy.msUntilDue().isPresent()
        && windowTimer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      schedule();
    }
  }

  private void windowClosed() {
    for (AlertNotice notice : policy.takeDue()) {
      show(notice);
    }
    if (policy.msUntilDue().isPresent()) {
      schedule(); // the timer ran early; wait for the rest of the window
    }
  }

  private void schedule() {
    windowTimer.setDuration(Duration.millis(policy.msUntilDue().orElse(0)));
    windowTimer.playFromStart();
  }

  private void show(AlertNotice notice) {
    sound.play(notice.severity());
    boolean popped;
    try {
      popped = popups.show(notice);
    } catch (RuntimeException e) {
      LOG.warn("cannot show a notification popup ({}); using an in-app message", e.toString());
      popped = false;
    }
    if (!popped) {
      fallback.accept(notice.title() + ": " + notice.text());
    }
  }
}
