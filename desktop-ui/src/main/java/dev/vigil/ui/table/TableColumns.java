package dev.vigil.ui.table;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/** The text columns every table of the dashboard is made of. */
public final class TableColumns {
  private TableColumns() {}

  /** A column showing {@code text} of each row, which does not change while the row is shown. */
  public static <R> TableColumn<R, String> text(
      String title, Function<R, String> text, double prefWidth) {
    return observed(title, r -> new ReadOnlyStringWrapper(text.apply(r)), prefWidth);
  }

  /** A column showing a row's {@code value}, updated as it changes. */
  public static <R> TableColumn<R, String> observed(
      String title, Function<R, ObservableValue<String>> value, double prefWidth) {
    TableColumn<R, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> value.apply(c.getValue()));
    column.setPrefWidth(prefWidth);
    return column;
  }
}
