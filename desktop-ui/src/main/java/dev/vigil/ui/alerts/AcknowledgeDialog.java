package dev.vigil.ui.alerts;

import javafx.scene.Node;
import javafx.scene.control.TextInputDialog;

/**
 * The Acknowledge action as every view offers it: asks for an optional comment, then hands it to
 * the shared {@link AlertAcknowledger}. Used by the alerts pane and the host page's alert strip.
 */
public final class AcknowledgeDialog {
  private AcknowledgeDialog() {}

  /**
   * Asks for a comment and acknowledges; does nothing if the operator cancels.
   *
   * @param owner a node of the window the dialog belongs to
   */
  public static void acknowledge(Node owner, AlertRow row, AlertAcknowledger acknowledger) {
    TextInputDialog dialog = new TextInputDialog();
    dialog.setTitle("Acknowledge alert");
    dialog.setHeaderText(row.alert().message());
    dialog.setContentText("Comment (optional):");
    if (owner.getScene() != null) {
      dialog.initOwner(owner.getScene().getWindow());
    }
    dialog.showAndWait().ifPresent(comment -> acknowledger.acknowledge(row.alertId(), comment));
  }
}
