package dev.vigil.ui.alerts;

import dev.vigil.ui.theme.StyleClasses;
import dev.vigil.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Shows {@link AlertNotice}s as small popup windows stacked at the bottom right of the main window,
 * newest at the bottom, styled by {@code vigil.css} in the current theme. A notice closes after
 * {@link #SHOW_SECONDS}; clicking it closes it and opens the alerts page. At most {@link
 * #MAX_SHOWN} show at once: a new one closes the oldest. Use on the UI thread.
 */
public final class NoticePopupStack {
  /** How long a notice stays up, in seconds. */
  public static final double SHOW_SECONDS = 8;

  /** The most notices shown at once. */
  public static final int MAX_SHOWN = 4;

  /** Space between the window's edge and the notices, and between notices, in pixels. */
  public static final double MARGIN_PX = 12;

  /** How far above the window's bottom edge the stack starts (clears the connection bar). */
  public static final double BOTTOM_OFFSET_PX = 48;

  private final Supplier<Window> owner;
  private final Supplier<Theme> theme;
  private final Runnable onOpen;
  private final List<Popup> shown = new ArrayList<>();

  /**
   * @param owner the main window; may supply null before it shows
   * @param theme the current theme
   * @param onOpen called when the operator clicks a notice
   */
  public NoticePopupStack(Supplier<Window> owner, Supplier<Theme> theme, Runnable onOpen) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.theme = Objects.requireNonNull(theme, "theme");
    this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
  }

  /**
   * Shows a notice.
   *
   * @return false when there is no showing window to put it on
   */
  public boolean show(AlertNotice notice) {
    Window window = owner.get();
    if (window == null || !window.isShowing()) {
      return false;
    }
    while (shown.size() >= MAX_SHOWN) {
      shown.get(0).hide();
    }
    Popup popup = new Popup();
    VBox content = content(notice);
    popup.getContent().add(content);
    popup.setOnHidden(
        e -> {
          shown.remove(popup);
          restack(window);
        });
    content.setOnMouseClicked(
        e -> {
          popup.hide();
          onOpen.run();
        });
    shown.add(popup);
    popup.show(window);
    restack(window);
    PauseTransition timer = new PauseTransition(Duration.seconds(SHOW_SECONDS));
    timer.setOnFinished(e -> popup.hide());
    timer.play();
    return true;
  }

  /** The notices showing now, oldest first; for tests and diagnostics. */
  public List<Popup> shown() {
    return List.copyOf(shown);
  }

  private VBox content(AlertNotice notice) {
    Label title = new Label(notice.title());
    title.getStyleClass().add(StyleClasses.NOTICE_TITLE);
    title.setWrapText(true);
    Label text = new Label(notice.text());
    text.getStyleClass().add(StyleClasses.NOTICE_TEXT);
    text.setWrapText(true);
    Label hint = new Label("Click to open the alerts page");
    hint.getStyleClass().add(StyleClasses.MUTED);
    VBox box = new VBox(title, text, hint);
    box.getStylesheets().add(getClass().getResource(StyleClasses.STYLESHEET).toExternalForm());
    box.getStyleClass().add(StyleClasses.NOTICE);
    StyleClasses.apply(box, notice.severity());
    StyleClasses.toggle(box, StyleClasses.DARK, theme.get() == Theme.DARK);
    return box;
  }

  /** Places the notices from the window's bottom right upwards, newest lowest. */
  private void restack(Window window) {
    double bottom = window.getY() + window.getHeight() - BOTTOM_OFFSET_PX;
    double right = window.getX() + window.getWidth() - MARGIN_PX;
    for (int i = shown.size() - 1; i >= 0; i--) {
      Popup popup = shown.get(i);
      VBox box = (VBox) popup.getContent().get(0);
      box.applyCss();
      box.autosize();
      double width = box.getWidth();
      double height = box.getHeight();
      popup.setX(right - width);
      popup.setY(bottom - height);
      bottom -= height + MARGIN_PX;
    }
  }
}
