package dev.vigil.ui.alerts;

import dev.vigil.protocol.Severity;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a ControlsFX desktop notification when an alert starts firing. If the platform cannot show
 * one (e.g. headless), falls back to an in-app message from then on, and never throws.
 */
public final class DesktopAlertNotifier implements AlertNotifier {
  /** How long a notification stays up, in seconds. */
  public static final double SHOW_SECONDS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(DesktopAlertNotifier.class);

  private final Supplier<Window> owner;
  private final Consumer<String> fallback;
  private boolean desktopUnavailable;

  /**
   * @param owner the window notifications belong to; may supply null
   * @param fallback shows a message inside the app when desktop notifications fail
   */
  public DesktopAlertNotifier(Supplier<Window> owner, Consumer<String> fallback) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public void alertFiring(AlertRow row) {
    String title = row.severityText() + " alert firing on " + row.hostText();
    String text = row.alert().message();
    if (!desktopUnavailable) {
      try {
        Notifications notification =
            Notifications.create()
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(SHOW_SECONDS));
        Window window = owner.get();
        if (window != null) {
          notification.owner(window);
        }
        if (row.alert().severity() == Severity.CRITICAL) {
          notification.showError();
        } else {
          notification.showWarning();
        }
        return;
      } catch (RuntimeException | LinkageError e) {
        desktopUnavailable = true;
        LOG.warn("desktop notifications unavailable ({}); using in-app messages", e.toString());
      }
    }
    fallback.accept(title + ": " + text);
  }
}
