package dev.vigil.ui.host;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.ui.format.Formats;
import dev.vigil.ui.hosts.HostSummary;
import dev.vigil.ui.state.HostModel;
import dev.vigil.ui.state.ValueRange;
import java.util.Locale;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One sensor in the host page's table: label, id, current value with unit, min and max since the
 * dashboard started watching; for an absent sensor, the reason instead of a value.
 */
public final class SensorRowViewModel {
  private final String sensorId;
  private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper kindText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper minText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper maxText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper absent = new ReadOnlyBooleanWrapper();

  /**
   * @param sensorId the sensor this row shows
   */
  public SensorRowViewModel(String sensorId) {
    this.sensorId = sensorId;
  }

  /** Refreshes the row from the host's current state. */
  public void update(HostModel host) {
    SensorInfo info = host.sensor(sensorId).orElse(null);
    OptionalDouble value = host.latest(sensorId);
    ValueRange range = host.range(sensorId).orElse(null);
    if (info == null) {
      label.set(sensorId);
      kindText.set("");
      sourceText.set("not in the sensor catalog");
      absent.set(false);
      valueText.set(value.isPresent() ? Formats.number(value.getAsDouble()) : "no value");
      minText.set(range == null || range.isEmpty() ? "" : Formats.number(range.min()));
      maxText.set(range == null || range.isEmpty() ? "" : Formats.number(range.max()));
      return;
    }
    label.set(HostSummary.labelOf(info));
    kindText.set(info.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    sourceText.set(info.source());
    absent.set(!info.isPresent());
    if (!info.isPresent()) {
      valueText.set("absent: " + info.absentReason());
      minText.set("");
      maxText.set("");
      return;
    }
    valueText.set(
        value.isPresent()
            ? Formats.value(value.getAsDouble(), info.unit())
            : "waiting for the first sample");
    boolean seen = range != null && !range.isEmpty();
    minText.set(seen ? Formats.value(range.min(), info.unit()) : "");
    maxText.set(seen ? Formats.value(range.max(), info.unit()) : "");
  }

  public String sensorId() {
    return sensorId;
  }

  public ReadOnlyStringProperty labelProperty() {
    return label.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty kindTextProperty() {
    return kindText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty valueTextProperty() {
    return valueText.getReadOnlyProperty();
  }

  public String getValueText() {
    return valueText.get();
  }

  public ReadOnlyStringProperty minTextProperty() {
    return minText.getReadOnlyProperty();
  }

  public String getMinText() {
    return minText.get();
  }

  public ReadOnlyStringProperty maxTextProperty() {
    return maxText.getReadOnlyProperty();
  }

  public String getMaxText() {
    return maxText.get();
  }

  public ReadOnlyStringProperty sourceTextProperty() {
    return sourceText.getReadOnlyProperty();
  }

  /** True when the host lacks this sensor; the value text then carries the reason. */
  public ReadOnlyBooleanProperty absentProperty() {
    return absent.getReadOnlyProperty();
  }

  public boolean isAbsent() {
    return absent.get();
  }
}
