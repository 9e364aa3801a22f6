package dev.vigil.ui.alerts;

import dev.vigil.ui.theme.StyleClasses;
import dev.vigil.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Shows {@link AlertNotice}s as small popup windows stacked at the bottom right of an anchor node
 * (the page area of the main window), newest at the bottom, styled by {@code vigil.css} in the
 * current theme. A notice closes after {@link #SHOW_SECONDS}; clicking it closes it and opens the
 * alerts page. At most {@link #MAX_SHOWN} show at once: a new one closes the oldest. Use on the UI
 * thread.
 */
public final class NoticePopupStack {
  /** How long a notice stays up, in seconds. */
  public static final double SHOW_SECONDS = 8;

  /** The most notices shown at once. */
  public static final int MAX_SHOWN = 4;

  /** Space between the anchor's edge and the notices, and between notices, in pixels. */
  public static final double MARGIN_PX = 12;

  private final Supplier<Node> anchor;
  private final Supplier<Theme> theme;
  private final Runnable onOpen;
  private final List<Popup> shown = new ArrayList<>();

  /**
   * @param anchor the node whose bottom right corner the notices stack up from
   * @param theme the current theme
   * @param onOpen called when the operator clicks a notice
   */
  public NoticePopupStack(Supplier<Node> anchor, Supplier<Theme> theme, Runnable onOpen) {
    this.anchor = Objects.requireNonNull(anchor, "anchor");
    this.theme = Objects.requireNonNull(theme, "theme");
    this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
  }

  /**
   * Shows a notice.
   *
   * @return false when the anchor is not in a showing window
   */
  public boolean show(AlertNotice notice) {
    Node node = anchor.get();
    Window window = node.getScene() == null ? null : node.getScene().getWindow();
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
          restack(node);
        });
    content.setOnMouseClicked(
        e -> {
          popup.hide();
          onOpen.run();
        });
    shown.add(popup);
    popup.show(window);
    restack(node);
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

  /** Places the notices from the anchor's bottom right upwards, newest lowest. */
  private void restack(Node node) {
    Bounds area = node.localToScreen(node.getLayoutBounds());
    if (area == null) {
      return;
    }
    double bottom = area.getMaxY() - MARGIN_PX;
    double right = area.getMaxX() - MARGIN_PX;
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
