package dev.vigil.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.Severity;
import dev.vigil.server.config.ConfigException;
import dev.vigil.server.config.ConfigFile;
import dev.vigil.server.config.RelayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The config file's {@code notifications} key: what it accepts and its precise errors. */
class NotificationsConfigTest {

  @Test
  void withoutTheKeyThereAreNoChannels() {
    assertThat(apply("{}").notifications()).isEqualTo(NotificationsConfig.NONE);
  }

  @Test
  void everyChannelIsReadWithItsFilters() {
    NotificationsConfig n =
        apply(
                """
            {"notifications": {
              "webhooks": [{"url": "https://hooks.example/vigil", "headers": {"X-Token": "t"},
                            "minSeverity": "warning", "hostGlob": "rack-*"}],
              "email": {"host": "smtp.example", "port": 587, "from": "vigil@example.test",
                        "to": ["ops@example.test"], "username": "u", "password": "p",
                        "startTls": true, "minSeverity": "critical",
                        "transitions": ["firing", "acknowledged"]},
              "commands": [{"argv": ["/usr/local/bin/page-ops", "-q"], "timeoutMs": 2500}]}}
            """)
            .notifications();

    WebhookConfig hook = n.webhooks().get(0);
    assertThat(hook.url()).isEqualTo(URI.create("https://hooks.example/vigil"));
    assertThat(hook.headers()).isEqualTo(Map.of("X-Token", "t"));
    assertThat(hook.filter().minSeverity()).isEqualTo(Severity.WARNING);
    assertThat(hook.filter().hostGlob().matches("rack-3")).isTrue();
    assertThat(hook.filter().transitions()).isEqualTo(NotificationFilter.DEFAULT_TRANSITIONS);
    EmailConfig email = n.email();
    assertThat(email.port()).isEqualTo(587);
    assertThat(email.startTls()).isTrue();
    assertThat(email.filter().transitions())
        .isEqualTo(Set.of(Transition.FIRING, Transition.ACKNOWLEDGED));
    CommandConfig command = n.commands().get(0);
    assertThat(command.argv()).containsExactly("/usr/local/bin/page-ops", "-q");
    assertThat(command.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(command.filter().minSeverity()).isEqualTo(Severity.INFO);
  }

  @Test
  void emailAndCommandDefaultsArePort25AndTenSeconds() {
    NotificationsConfig n =
        apply(
                """
            {"notifications": {"email": {"host": "mx", "from": "a@b.test", "to": ["c@d.test"]},
                               "commands": [{"argv": ["/bin/true"]}]}}
            """)
            .notifications();

    assertThat(n.email().port()).isEqualTo(EmailConfig.DEFAULT_PORT);
    assertThat(n.email().username()).isNull();
    assertThat(n.commands().get(0).timeout()).isEqualTo(CommandConfig.DEFAULT_TIMEOUT);
  }

  @Test
  void anUnknownKeyIsNamedWithItsPlace() {
    assertError(
        "{\"notifications\": {\"webhooks\": [{\"url\": \"https://x.test\", \"minSeverty\": 1}]}}",
        "test.json: notifications.webhooks[0]: unknown key 'minSeverty'");
  }

  @Test
  void anUnknownChannelIsAnError() {
    assertError(
        "{\"notifications\": {\"slack\": {}}}", "test.json: notifications: unknown key 'slack'");
  }

  @Test
  void aWebhookUrlMustBeHttpOrHttps() {
    assertError(
        "{\"notifications\": {\"webhooks\": [{\"url\": \"ftp://x.test/\"}]}}",
        "notifications.webhooks[0].url: 'ftp://x.test/' is not an http:// or https:// URL");
  }

  @Test
  void aWebhookNeedsAUrl() {
    assertError(
        "{\"notifications\": {\"webhooks\": [{}]}}",
        "notifications.webhooks[0]: missing required field 'url'");
  }

  @Test
  void anUnknownSeverityListsTheKnownOnes() {
    assertError(
        "{\"notifications\": {\"commands\": [{\"argv\": [\"x\"], \"minSeverity\": \"high\"}]}}",
        "notifications.commands[0].minSeverity: 'high' is not one of [info, warning, critical]");
  }

  @Test
  void pendingIsRejectedAsATransition() {
    assertError(
        "{\"notifications\": {\"commands\": [{\"argv\": [\"x\"], \"transitions\": [\"pending\"]}]}}",
        "notifications.commands[0].transitions[0]: 'pending' is not one of"
            + " [firing, resolved, acknowledged] (pending alerts are never notified)");
  }

  @Test
  void anEmailNeedsRecipients() {
    assertError(
        "{\"notifications\": {\"email\": {\"host\": \"mx\", \"from\": \"a@b.test\", \"to\": []}}}",
        "notifications.email.to: needs at least one recipient");
  }

  @Test
  void aBadRecipientAddressIsNamed() {
    assertError(
        "{\"notifications\": {\"email\": {\"host\": \"mx\", \"from\": \"a@b.test\","
            + " \"to\": [\"ops@x.test\", \"not an address\"]}}}",
        "notifications.email.to[1]: 'not an address' is not an e-mail address");
  }

  @Test
  void aUsernameWithoutPasswordIsAnError() {
    assertError(
        "{\"notifications\": {\"email\": {\"host\": \"mx\", \"from\": \"a@b.test\","
            + " \"to\": [\"c@d.test\"], \"username\": \"u\"}}}",
        "notifications.email: 'username' and 'password' go together");
  }

  @Test
  void aCommandNeedsItsProgram() {
    assertError(
        "{\"notifications\": {\"commands\": [{\"argv\": []}]}}",
        "notifications.commands[0].argv: needs the program");
  }

  @Test
  void aCommandTimeoutMustBePositive() {
    assertError(
        "{\"notifications\": {\"commands\": [{\"argv\": [\"x\"], \"timeoutMs\": 0}]}}",
        "notifications.commands[0].timeoutMs: 0 is outside 1 to 600000");
  }

  @Test
  void notificationsMustBeAnObject() {
    assertError("{\"notifications\": [1]}", "test.json: notifications: must be a JSON object");
  }

  @Test
  void channelsAreNamedInConfigOrder() {
    NotificationsConfig n =
        apply(
                """
            {"notifications": {"webhooks": [{"url": "http://a.test"}, {"url": "http://b.test"}],
              "email": {"host": "mx", "from": "a@b.test", "to": ["c@d.test"]},
              "commands": [{"argv": ["/bin/true"]}]}}
            """)
            .notifications();

    assertThat(NotificationChannels.of(n))
        .extracting(NotificationChannel::name)
        .isEqualTo(List.of("webhook[0]", "webhook[1]", "email", "command[0]"));
  }

  private static RelayConfig apply(String json) {
    return ConfigFile.apply(json, "test.json", RelayConfig.defaults());
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> apply(json))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
