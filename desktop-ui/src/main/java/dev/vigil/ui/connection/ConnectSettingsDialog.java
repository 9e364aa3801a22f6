package dev.vigil.ui.connection;

import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the relay URL and operator token; keeps itself open while the URL is unusable. */
public final class ConnectSettingsDialog extends Dialog<ButtonType> {

  /**
   * @param viewModel applies the new settings
   * @param owner the window the dialog belongs to
   */
  public ConnectSettingsDialog(ConnectionBarViewModel viewModel, Window owner) {
    setTitle("Connection");
    setHeaderText("Relay and operator token (remembered for next time)");
    initOwner(owner);
    TextField url = new TextField(viewModel.getRelayUrl());
    url.setPrefColumnCount(32);
    PasswordField token = new PasswordField();
    token.setText(viewModel.getToken());
    Label error = new Label();
    error.getStyleClass().add("form-error");
    GridPane form = new GridPane();
    form.getStyleClass().add("form");
    form.addRow(0, new Label("Relay URL"), url);
    form.addRow(1, new Label("Operator token"), token);
    form.add(error, 1, 2);
    getDialogPane().setContent(form);
    ButtonType connect = new ButtonType("Connect", ButtonType.OK.getButtonData());
    getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
    Button connectButton = (Button) getDialogPane().lookupButton(connect);
    connectButton.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          Optional<String> problem = viewModel.connectTo(url.getText(), token.getText());
          if (problem.isPresent()) {
            error.setText(problem.get());
            e.consume();
          }
        });
  }
}
