package dev.vigil.ui.alerts;

import javafx.scene.Node;

/**
 * The Acknowledge action as every view offers it: asks for an optional comment, then hands it to
 * the shared {@link AlertAcknowledger}. Used by the alerts pane and the host page's alert strip.
 */
public final class AcknowledgeDialog {
  /** How long an acknowledgement or a silence may last, as offered; 0 is "until resolved". */
  static final java.util.LinkedHashMap<String, Long> ACK_DURATIONS = durations(true);

  /** How long a silence may last, as offered. */
  static final java.util.LinkedHashMap<String, Long> SILENCE_DURATIONS = durations(false);

  private AcknowledgeDialog() {}

  private static java.util.LinkedHashMap<String, Long> durations(boolean untilResolved) {
    java.util.LinkedHashMap<String, Long> out = new java.util.LinkedHashMap<>();
    if (untilResolved) {
      out.put("until it resolves", 0L);
    }
    out.put("for 1 hour", 3_600_000L);
    out.put("for 4 hours", 4 * 3_600_000L);
    out.put("for 24 hours", 24 * 3_600_000L);
    out.put("for 7 days", 7 * 24 * 3_600_000L);
    return out;
  }

  /**
   * Asks for a comment and how long, and acknowledges; does nothing if the operator cancels.
   *
   * @param owner a node of the window the dialog belongs to
   */
  public static void acknowledge(Node owner, AlertRow row, AlertAcknowledger acknowledger) {
    ask(owner, "Acknowledge alert", row, ACK_DURATIONS)
        .ifPresent(a -> acknowledger.acknowledge(row.alertId(), a.comment(), a.forMs()));
  }

  /** Asks for a comment and how long, and silences alerts like this one. */
  public static void silence(Node owner, AlertRow row, AlertAcknowledger acknowledger) {
    ask(owner, "Silence alerts like this one", row, SILENCE_DURATIONS)
        .ifPresent(a -> acknowledger.silence(row, a.forMs(), a.comment()));
  }

  private record Answer(String comment, long forMs) {}

  private static java.util.Optional<Answer> ask(
      Node owner, String title, AlertRow row, java.util.LinkedHashMap<String, Long> durations) {
    javafx.scene.control.Dialog<Answer> dialog = new javafx.scene.control.Dialog<>();
    dialog.setTitle(title);
    dialog.setHeaderText(row.alert().message());
    javafx.scene.control.TextField comment = new javafx.scene.control.TextField();
    comment.setPromptText("Comment (optional)");
    javafx.scene.control.ComboBox<String> duration =
        new javafx.scene.control.ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(durations.keySet()));
    duration.getSelectionModel().select(0);
    javafx.scene.layout.VBox content =
        new javafx.scene.layout.VBox(
            8, new javafx.scene.control.Label("How long:"), duration, comment);
    dialog.getDialogPane().setContent(content);
    dialog
        .getDialogPane()
        .getButtonTypes()
        .addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
    dialog.setResultConverter(
        button ->
            button == javafx.scene.control.ButtonType.OK
                ? new Answer(comment.getText(), durations.get(duration.getValue()))
                : null);
    if (owner.getScene() != null) {
      dialog.initOwner(owner.getScene().getWindow());
    }
    return dialog.showAndWait();
  }
}
