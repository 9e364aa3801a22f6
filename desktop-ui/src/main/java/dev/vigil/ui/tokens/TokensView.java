package dev.vigil.ui.tokens;

import dev.vigil.ui.table.TableColumns;
import dev.vigil.ui.theme.StyleClasses;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The relay's tokens, for admins: a table (name, kind, role, source, created), Create token… and a
 * Revoke button per row, asking first; disabled, with the reason as its tooltip, for tokens the
 * relay would not revoke (those of its configuration, the last admin token). Below, the tokens
 * revoked before, with who revoked them and when.
 */
public final class TokensView extends BorderPane {
  /** Text of each row's revoke button. */
  public static final String REVOKE_TEXT = "Revoke…";

  /** Heading of the revoked tokens' table. */
  public static final String REVOKED_TITLE = "Revoked tokens";

  /** Height of the revoked tokens' table: a few rows, the tokens in use keep the page. */
  private static final double REVOKED_TABLE_HEIGHT = 180;

  private final TokensViewModel viewModel;

  /**
   * @param viewModel the page's view model
   */
  public TokensView(TokensViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add(StyleClasses.PAGE);
    Label title = new Label("Tokens");
    title.getStyleClass().add(StyleClasses.PAGE_TITLE);
    TableView<TokenRow> table = new TableView<>(viewModel.rows());
    table.getStyleClass().add(StyleClasses.TOKENS_TABLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No tokens from the relay yet"));
    table
        .getColumns()
        .addAll(
            List.of(
                TableColumns.text("Name", TokenRow::name, 200),
                TableColumns.text("Kind", TokenRow::kindText, 90),
                TableColumns.text("Role", TokenRow::roleText, 90),
                TableColumns.text("Source", TokenRow::sourceText, 90),
                TableColumns.text("Created", TokenRow::createdText, 200),
                revokeColumn()));
    Button create = new Button(TokenCreateDialog.OPEN_TEXT);
    create.disableProperty().bind(viewModel.canManageProperty().not());
    create.setOnAction(e -> TokenCreateDialog.open(this, viewModel));
    Label feedback = new Label();
    feedback.getStyleClass().add(StyleClasses.MUTED);
    feedback.textProperty().bind(viewModel.feedbackProperty());
    HBox toolbar = new HBox(title, create, feedback);
    toolbar.getStyleClass().add(StyleClasses.PAGE_TOOLBAR);
    setTop(toolbar);
    setCenter(new VBox(table, revokedSection()));
    VBox.setVgrow(table, Priority.ALWAYS);
  }

  /** The tokens revoked before, newest first: what, and who revoked it when. */
  private VBox revokedSection() {
    Label heading = new Label(REVOKED_TITLE);
    heading.getStyleClass().add(StyleClasses.PANEL_TITLE);
    TableView<RevokedRow> revoked = new TableView<>(viewModel.revokedRows());
    revoked.getStyleClass().add(StyleClasses.REVOKED_TOKENS_TABLE);
    revoked.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    revoked.setPlaceholder(new Label("No token has been revoked"));
    revoked.setPrefHeight(REVOKED_TABLE_HEIGHT);
    revoked
        .getColumns()
        .addAll(
            List.of(
                TableColumns.text("Name", RevokedRow::name, 200),
                TableColumns.text("Kind", RevokedRow::kindText, 90),
                TableColumns.text("Revoked", RevokedRow::revokedText, 280)));
    VBox section = new VBox(heading, revoked);
    section.getStyleClass().add(StyleClasses.REVOKED_TOKENS);
    return section;
  }

  private TableColumn<TokenRow, TokenRow> revokeColumn() {
    TableColumn<TokenRow, TokenRow> column = new TableColumn<>("");
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    column.setCellFactory(c -> new RevokeCell());
    column.setPrefWidth(110);
    column.setSortable(false);
    return column;
  }

  /** Asks before revoking: the token's connections close at once. */
  private void confirmRevoke(TokenRow row) {
    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
    confirm.setTitle("Revoke token");
    confirm.setHeaderText("Revoke token '" + row.name() + "'?");
    confirm.setContentText(
        "Every dashboard or agent connected with it is disconnected at once, and it can no longer"
            + " connect. This cannot be undone.");
    confirm.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Revoke");
    if (getScene() != null) {
      confirm.initOwner(getScene().getWindow());
    }
    confirm.setOnHidden(
        e -> {
          if (confirm.getResult() == ButtonType.OK) {
            viewModel.revoke(row);
          }
        });
    confirm.show();
  }

  /** A row's Revoke button; a disabled one sits in a pane that carries the reason's tooltip. */
  private final class RevokeCell extends TableCell<TokenRow, TokenRow> {
    private final Button button = new Button(REVOKE_TEXT);
    private final StackPane holder = new StackPane(button);
    private final Tooltip reason = new Tooltip();

    RevokeCell() {
      button.getStyleClass().add(StyleClasses.TOKEN_REVOKE);
      button.setOnAction(
          e -> {
            TokenRow row = getItem();
            if (row != null) {
              confirmRevoke(row);
            }
          });
    }

    @Override
    protected void updateItem(TokenRow row, boolean empty) {
      super.updateItem(row, empty);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      button.setUserData(row.id());
      button.setDisable(!row.revocable() || !viewModel.canManage());
      // A disabled control shows no tooltip of its own: its holder shows it.
      if (row.revocable()) {
        Tooltip.uninstall(holder, reason);
      } else {
        reason.setText(row.notRevocableReason());
        Tooltip.install(holder, reason);
      }
      setGraphic(holder);
    }
  }
}
