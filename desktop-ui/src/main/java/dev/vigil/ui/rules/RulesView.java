package dev.vigil.ui.rules;

import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.table.TableColumns;
import dev.vigil.ui.theme.StyleClasses;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The alert rules: a table, and New, Edit and Delete for admins (disabled for other roles). */
public final class RulesView extends BorderPane {
  private final RulesViewModel viewModel;

  /**
   * @param viewModel the page's view model
   */
  public RulesView(RulesViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add(StyleClasses.PAGE);
    Label title = new Label("Alert rules");
    title.getStyleClass().add(StyleClasses.PAGE_TITLE);
    TableView<RuleRow> table = new TableView<>(viewModel.rows());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No rules from the relay yet"));
    table
        .getColumns()
        .addAll(
            List.of(
                TableColumns.text("Rule", RuleRow::id, 180),
                TableColumns.text("Watches", RuleRow::kindText, 120),
                TableColumns.text("Applies to", RuleRow::scopeText, 240),
                TableColumns.text("Condition", RuleRow::conditionText, 240),
                TableColumns.text("Severity", RuleRow::severityText, 100)));
    Button add = new Button("New rule…");
    Button edit = new Button("Edit…");
    Button delete = new Button("Delete");
    add.disableProperty().bind(viewModel.canEditProperty().not());
    edit.disableProperty()
        .bind(
            viewModel
                .canEditProperty()
                .not()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
    delete.disableProperty().bind(edit.disableProperty());
    add.setOnAction(e -> edit(RuleForm.blank(), Optional.empty()));
    edit.setOnAction(
        e -> {
          RuleRow row = table.getSelectionModel().getSelectedItem();
          if (row != null) {
            edit(RuleForm.of(row.rule()), Optional.of(row.rule()));
          }
        });
    delete.setOnAction(
        e -> {
          RuleRow row = table.getSelectionModel().getSelectedItem();
          if (row != null) {
            viewModel.delete(row.id());
          }
        });
    Label feedback = new Label();
    feedback.getStyleClass().add(StyleClasses.MUTED);
    feedback.textProperty().bind(viewModel.feedbackProperty());
    HBox toolbar = new HBox(title, add, edit, delete, feedback);
    toolbar.getStyleClass().add("page-toolbar");
    setTop(toolbar);
    setCenter(table);
  }

  /** The rule editor; stays open, saying why, until the form reads as a rule the relay can take. */
  private void edit(RuleForm form, Optional<RuleDefinition> original) {
    TextField id = new TextField(form.id());
    id.setEditable(original.isEmpty()); // a rule's id is its identity: a new id is a new rule
    ComboBox<RuleKind> kind = new ComboBox<>(FXCollections.observableArrayList(RuleKind.values()));
    kind.setValue(form.kind());
    TextField hosts = new TextField(form.hostGlob());
    TextField sensors = new TextField(form.sensorGlob());
    ComboBox<Comparator> comparator =
        new ComboBox<>(FXCollections.observableArrayList(Comparator.values()));
    comparator.setValue(form.comparator());
    TextField threshold = new TextField(form.threshold());
    TextField clear = new TextField(form.clearThreshold());
    TextField duration = new TextField(form.minDurationSeconds());
    ComboBox<Severity> severity =
        new ComboBox<>(FXCollections.observableArrayList(Severity.values()));
    severity.setValue(form.severity());
    TextField template = new TextField(form.messageTemplate());
    template.setPromptText("{host}: {sensor} at {value} (limit {threshold})");
    TextField description = new TextField(form.description());
    Label problem = new Label();
    problem.getStyleClass().add("form-problem");

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    Object[][] rows = {
      {"Rule id", id},
      {"Watches", kind},
      {"Hosts (glob)", hosts},
      {"Sensors (glob)", sensors},
      {"Comparator", comparator},
      {"Threshold", threshold},
      {"Clear threshold", clear},
      {"For at least (s)", duration},
      {"Severity", severity},
      {"Message", template},
      {"Description", description}
    };
    for (int r = 0; r < rows.length; r++) {
      grid.add(new Label((String) rows[r][0]), 0, r);
      grid.add((javafx.scene.Node) rows[r][1], 1, r);
    }
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle(original.isPresent() ? "Edit rule" : "New rule");
    dialog.getDialogPane().setContent(new VBox(10, grid, problem));
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    if (getScene() != null) {
      dialog.initOwner(getScene().getWindow());
    }
    Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
    ok.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          RuleForm typed =
              new RuleForm(
                  id.getText(),
                  kind.getValue(),
                  hosts.getText(),
                  sensors.getText(),
                  comparator.getValue(),
                  threshold.getText(),
                  clear.getText(),
                  duration.getText(),
                  severity.getValue(),
                  template.getText(),
                  description.getText());
          Optional<String> wrong = viewModel.save(typed, original);
          if (wrong.isPresent()) {
            problem.setText(wrong.get());
            e.consume(); // keep the dialog open
          }
        });
    dialog.showAndWait();
  }
}
