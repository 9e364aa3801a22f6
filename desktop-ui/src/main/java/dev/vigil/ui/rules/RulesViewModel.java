package dev.vigil.ui.rules;

import dev.vigil.protocol.Result;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleDelete;
import dev.vigil.protocol.RulePut;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The relay's alert rules, listed by id, and their editing: an admin puts or deletes a rule, and
 * the relay's answer is shown. Other roles see the rules read-only.
 */
public final class RulesViewModel {
  private final DashboardState state;
  private final MessageSender sender;
  private final ObservableList<RuleRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final Map<String, String> pending = new HashMap<>();

  /**
   * @param state the store whose rules to show
   * @param sender sends rule edits to the relay
   */
  public RulesViewModel(DashboardState state, MessageSender sender) {
    this.state = Objects.requireNonNull(state, "state");
    this.sender = Objects.requireNonNull(sender, "sender");
    state.addListener(this::stateChanged);
  }

  private void stateChanged(Changes changes) {
    canEdit.set(state.permissions().canEditRules());
    for (Result result : changes.results()) {
      String what = pending.remove(result.requestId());
      if (what != null) {
        feedback.set(result.ok() ? what + ": done" : what + " failed: " + result.error());
      }
    }
    rows.setAll(
        state.rules().stream()
            .sorted(Comparator.comparing(RuleDefinition::id))
            .map(RuleRow::of)
            .toList());
  }

  /**
   * Reads the form and asks the relay to store the rule (new, or replacing the one with its id).
   *
   * @return the problem with the form, or empty when the rule was sent
   */
  public Optional<String> save(RuleForm form, Optional<RuleDefinition> original) {
    if (!canEdit.get()) {
      return Optional.of("your role (" + state.permissions().role() + ") may not edit rules");
    }
    RuleForm.Reading reading = form.read(original);
    if (reading instanceof RuleForm.Reading.Invalid invalid) {
      return Optional.of(invalid.problem());
    }
    RuleDefinition rule = ((RuleForm.Reading.Valid) reading).rule();
    String requestId = UUID.randomUUID().toString();
    if (!sender.send(new RulePut(requestId, rule))) {
      return Optional.of("not connected to the relay: rule not saved");
    }
    pending.put(requestId, "saving rule " + rule.id());
    feedback.set("Saving rule " + rule.id() + "…");
    return Optional.empty();
  }

  /** Asks the relay to delete a rule; false when not allowed or not connected. */
  public boolean delete(String ruleId) {
    if (!canEdit.get()) {
      feedback.set("Your role (" + state.permissions().role() + ") may not edit rules");
      return false;
    }
    String requestId = UUID.randomUUID().toString();
    if (!sender.send(new RuleDelete(requestId, ruleId))) {
      feedback.set("Not connected to the relay: rule not deleted");
      return false;
    }
    pending.put(requestId, "deleting rule " + ruleId);
    feedback.set("Deleting rule " + ruleId + "…");
    return true;
  }

  /** The rules, by id. */
  public ObservableList<RuleRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** True when the operator's role may edit rules. */
  public ReadOnlyBooleanProperty canEditProperty() {
    return canEdit.getReadOnlyProperty();
  }

  /** What became of the last edit. */
  public ReadOnlyStringProperty feedbackProperty() {
    return feedback.getReadOnlyProperty();
  }

  public String getFeedback() {
    return feedback.get();
  }
}
