package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleKind;
import dev.vigil.server.alert.AgentOfflineDetector;
import dev.vigil.server.link.Authenticator;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.token.TokenRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Operator roles and protocol-form rules in the relay's config file. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RoleAndRuleConfigTest {
  private static RelayConfig apply(String json) {
    return ConfigFile.apply(json, "test.json", RelayConfig.defaults());
  }

  @Test
  void operatorTokenInObjectFormCarriesItsRole() {
    RelayConfig c =
        apply("{\"operatorTokens\": {\"t1\": {\"name\": \"vera\", \"role\": \"viewer\"}}}");

    assertThat(c.operatorTokens()).containsEntry("t1", "vera");
    assertThat(c.operatorRoles()).containsEntry("t1", OperatorRole.VIEWER);
  }

  @Test
  void plainOperatorTokenIsAdminSoExistingDeploymentsKeepWorking() {
    RelayConfig c = apply("{\"operatorTokens\": {\"t1\": \"root\"}}");

    Authenticator auth =
        new Authenticator(TokenRegistry.of(c.agentTokens(), c.operatorTokens(), c.operatorRoles()));
    assertThat(auth.roleOf("t1")).isEqualTo(OperatorRole.ADMIN);
  }

  @Test
  void unknownRoleIsAnErrorNamingTheField() {
    assertThatThrownBy(
            () -> apply("{\"operatorTokens\": {\"t1\": {\"name\": \"x\", \"role\": \"root\"}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "test.json: operatorTokens (entry 1).role: 'root' is not one of viewer, operator,"
                + " admin");
  }

  @Test
  void ruleWithASelectorIsReadInTheProtocolForm() {
    RelayConfig c =
        apply(
            "{\"rules\": [{\"id\": \"usb-added\", \"kind\": \"device.added\","
                + " \"selector\": {\"deviceKind\": \"usb\"}, \"severity\": \"warning\"}]}");

    assertThat(c.ruleDefinitions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(RuleKind.DEVICE_ADDED);
              assertThat(r.selector().deviceKind()).isEqualTo(DeviceKind.USB);
            });
    assertThat(c.defaultRuleDefinitions())
        .extracting(RuleDefinition::id)
        .contains("cpu-hot", "usb-added", AgentOfflineDetector.RULE_ID);
  }

  @Test
  void invalidProtocolFormRuleIsAnErrorNamingTheRule() {
    assertThatThrownBy(
            () ->
                apply(
                    "{\"rules\": [{\"id\": \"x\", \"kind\": \"device.plugged\","
                        + " \"selector\": {}, \"severity\": \"warning\"}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.json: rules[0]: unknown value 'device.plugged' for field 'kind'");
  }

  @Test
  void protocolFormRuleFailingValidationNamesTheProblem() {
    assertThatThrownBy(
            () ->
                apply(
                    "{\"rules\": [{\"id\": \"hot\", \"kind\": \"threshold\","
                        + " \"selector\": {\"sensorGlob\": \"cpu.*\"}, \"severity\": \"warning\","
                        + " \"comparator\": \">\"}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.json: rules[0]: rule 'hot': a threshold rule needs a finite threshold");
  }
}
