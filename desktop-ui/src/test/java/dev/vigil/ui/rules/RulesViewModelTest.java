package dev.vigil.ui.rules;

import static dev.vigil.ui.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleDelete;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RuleList;
import dev.vigil.protocol.RulePut;
import dev.vigil.protocol.RuleSelector;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Welcome;
import dev.vigil.ui.Fixtures;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay link is a list recording what would be sent; the real relay is in the UI tests. */
class RulesViewModelTest {
  private final DashboardState state = new DashboardState(new MutableClock(T0));
  private final List<Message> sent = new ArrayList<>();
  private final RulesViewModel rules = new RulesViewModel(state, m -> sent.add(m));

  private static RuleDefinition rule(String id) {
    return new RuleDefinition(
        id,
        RuleKind.THRESHOLD,
        new RuleSelector(null, "cpu.*", null, Map.of(), null),
        Comparator.GREATER,
        85.0,
        null,
        null,
        Severity.WARNING,
        null,
        null);
  }

  private void role(String role) {
    Fixtures.apply(state, Welcome.forDashboard("r1", "s1", 5_000, T0, "1.0", "e1", false, role));
  }

  @Test
  void rulesAreListedById() {
    Fixtures.apply(state, new RuleList(List.of(rule("b"), rule("a"))));

    assertThat(rules.rows()).extracting(RuleRow::id).containsExactly("a", "b");
    assertThat(rules.rows().get(0).conditionText()).isEqualTo("> 85");
  }

  @Test
  void anAdminsRuleIsSentAndTheRelaysAnswerShown() {
    role("admin");
    Optional<String> problem = rules.save(RuleForm.of(rule("cpu")), Optional.empty());

    assertThat(problem).isEmpty();
    RulePut put = (RulePut) sent.get(0);
    assertThat(put.rule()).isEqualTo(rule("cpu"));
    Fixtures.apply(state, Result.success(put.requestId()));
    assertThat(rules.getFeedback()).isEqualTo("saving rule cpu: done");
  }

  @Test
  void aViewerCannotEditRulesAndNothingIsSent() {
    role("viewer");

    assertThat(rules.canEditProperty().get()).isFalse();
    assertThat(rules.save(RuleForm.of(rule("cpu")), Optional.empty()))
        .contains("your role (viewer) may not edit rules");
    assertThat(rules.delete("cpu")).isFalse();
    assertThat(sent).isEmpty();
  }

  @Test
  void deletingSendsTheRuleId() {
    role("admin");
    rules.delete("cpu");

    assertThat(((RuleDelete) sent.get(0)).ruleId()).isEqualTo("cpu");
  }
}
