package dev.vigil.ui.tokens;

import dev.vigil.protocol.TokenKind;
import dev.vigil.ui.theme.StyleClasses;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Create token dialog: kind, name and role; then, once the relay answers, the new secret with a
 * Copy button and the warning that it will not be shown again. Closing it forgets the secret. It
 * cannot be closed while the relay's answer is awaited, so a secret never arrives unseen.
 */
final class TokenCreateDialog {
  static final String OPEN_TEXT = "Create token…";
  static final String CREATE_TEXT = "Create";
  static final String COPY_TEXT = "Copy";
  static final String COPIED_TEXT = "Copied";
  static final String WARNING_TEXT =
      "Copy the secret now: it will not be shown again. The relay keeps only its hash.";

  /** Width of the name field, in characters: room for its prompt. */
  private static final int NAME_COLUMNS = 32;

  private TokenCreateDialog() {}

  /** Opens the dialog, owned by {@code owner}'s window; returns at once. */
  static void open(Node owner, TokensViewModel viewModel) {
    ComboBox<TokenKind> kind =
        new ComboBox<>(FXCollections.observableArrayList(TokenKind.values()));
    kind.setConverter(new KindText());
    kind.setValue(TokenForm.blank().kind());
    TextField name = new TextField();
    name.setPromptText("operator's name, or what the agent token is for");
    name.setPrefColumnCount(NAME_COLUMNS);
    ComboBox<String> role = new ComboBox<>(FXCollections.observableArrayList(TokenForm.ROLES));
    role.setValue(TokenForm.DEFAULT_ROLE);
    role.disableProperty().bind(kind.valueProperty().isEqualTo(TokenKind.AGENT));
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("Kind"), kind);
    form.addRow(1, new Label("Name"), name);
    form.addRow(2, new Label("Role"), role);
    Label problem = new Label();
    problem.getStyleClass().add(StyleClasses.FORM_PROBLEM);

    Label warning = new Label(WARNING_TEXT);
    warning.getStyleClass().add(StyleClasses.TOKEN_WARNING);
    TextField secret = new TextField();
    secret.setEditable(false);
    secret.getStyleClass().add(StyleClasses.TOKEN_SECRET);
    HBox.setHgrow(secret, Priority.ALWAYS);
    Button copy = new Button(COPY_TEXT);
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(secret.getText());
          Clipboard.getSystemClipboard().setContent(content);
          copy.setText(COPIED_TEXT);
        });
    VBox secretBox = new VBox(8, warning, new HBox(8, secret, copy));
    show(secretBox, false);

    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle("Create token");
    dialog.setHeaderText("A new token for a dashboard (operator) or an agent");
    dialog.getDialogPane().getStyleClass().add(StyleClasses.VIGIL_DIALOG);
    dialog
        .getDialogPane()
        .getStylesheets()
        .add(TokenCreateDialog.class.getResource(StyleClasses.STYLESHEET).toExternalForm());
    dialog.getDialogPane().setContent(new VBox(10, form, problem, secretBox));
    ButtonType createType = new ButtonType(CREATE_TEXT, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(createType, ButtonType.CLOSE);
    if (owner.getScene() != null) {
      dialog.initOwner(owner.getScene().getWindow());
    }
    Button create = (Button) dialog.getDialogPane().lookupButton(createType);
    Button close = (Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
    create.disableProperty().bind(viewModel.creatingProperty());
    close.disableProperty().bind(viewModel.creatingProperty());
    create.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume(); // the dialog stays open for the secret
          Optional<String> refused =
              viewModel.create(new TokenForm(kind.getValue(), name.getText(), role.getValue()));
          problem.setText(refused.orElse("Waiting for the relay…"));
          form.setDisable(refused.isEmpty());
        });

    ChangeListener<NewToken> created =
        (obs, old, token) -> {
          if (token == null) {
            return;
          }
          dialog.setHeaderText("Token '" + token.token().name() + "' created");
          secret.setText(token.secret());
          problem.setText("");
          show(form, false);
          dialog.getDialogPane().getButtonTypes().remove(createType);
          show(secretBox, true);
          dialog.getDialogPane().getScene().getWindow().sizeToScene();
        };
    ChangeListener<String> refusedByRelay =
        (obs, old, why) -> {
          if (!why.isEmpty()) {
            problem.setText(why);
            form.setDisable(false);
          }
        };
    viewModel.newTokenProperty().addListener(created);
    viewModel.createProblemProperty().addListener(refusedByRelay);
    dialog.setOnCloseRequest(
        e -> {
          if (viewModel.creatingProperty().get()) {
            e.consume(); // the secret is on its way: do not lose it
          }
        });
    dialog.setOnHidden(
        e -> {
          viewModel.newTokenProperty().removeListener(created);
          viewModel.createProblemProperty().removeListener(refusedByRelay);
          create.disableProperty().unbind();
          close.disableProperty().unbind();
          secret.clear();
          viewModel.dismissNewToken();
        });
    dialog.show();
  }

  private static void show(Node node, boolean shown) {
    node.setVisible(shown);
    node.setManaged(shown);
  }

  /** Kinds by their wire names. */
  private static final class KindText extends StringConverter<TokenKind> {
    @Override
    public String toString(TokenKind kind) {
      return kind == null ? "" : kind.wireName();
    }

    @Override
    public TokenKind fromString(String text) {
      return TokenKind.byWireName(text);
    }
  }
}
