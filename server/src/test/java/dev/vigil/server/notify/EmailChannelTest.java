package dev.vigil.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Severity;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The e-mail channel against a real SMTP server (GreenMail) on loopback. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EmailChannelTest {
  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void theMailReachesEveryRecipientWithTheAlertInSubjectAndBody() throws Exception {
    EmailChannel channel = channel(smtp.getSmtp().getPort(), null, null);

    channel.send(TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL)));

    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("[Vigil] CRITICAL firing: cpu-hot on rack-07-name");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("vigil@example.test");
    assertThat(List.of(mail.getRecipients(Message.RecipientType.TO)))
        .extracting(Object::toString)
        .containsExactly("ops@example.test", "oncall@example.test");
    assertThat(mail.getHeader("X-Vigil-Alert-Id")).containsExactly("alert-rack-07");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body)
        .contains("CPU package 92.5 =C2=B0C")
        .contains("Host: rack-07-name (rack-07)")
        .contains("Sensor: cpu.package.temperature")
        .contains("Value: 92.5");
  }

  @Test
  void aResolvedAlertSaysResolvedInTheSubject() throws Exception {
    EmailChannel channel = channel(smtp.getSmtp().getPort(), null, null);
    AlertChange resolved =
        new AlertChange(
            TestAlerts.alert("rack-07", Severity.WARNING, AlertState.RESOLVED),
            Transition.RESOLVED);

    channel.send(TestAlerts.notification(resolved));

    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("[Vigil] WARNING resolved: cpu-hot on rack-07-name");
  }

  @Test
  void theChannelLogsInWhenGivenAUsername() throws Exception {
    smtp.setUser("vigil@example.test", "vigil", "pw");
    EmailChannel channel = channel(smtp.getSmtp().getPort(), "vigil", "pw");

    channel.send(TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL)));

    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
  }

  @Test
  void anUnreachableServerIsAFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EmailChannel channel = channel(closedPort, null, null);

    assertThatThrownBy(
            () ->
                channel.send(
                    TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL))))
        .isInstanceOf(MessagingException.class);
  }

  private static EmailChannel channel(int port, String username, String password) {
    return new EmailChannel(
        "email",
        new EmailConfig(
            "127.0.0.1",
            port,
            "vigil@example.test",
            List.of("ops@example.test", "oncall@example.test"),
            username,
            password,
            false,
            NotificationFilter.ALL));
  }
}
