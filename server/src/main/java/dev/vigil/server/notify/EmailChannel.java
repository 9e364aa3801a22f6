package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;
import dev.vigil.server.alert.ValueFormat;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/** Sends one plain-text mail per notification over SMTP (Jakarta Mail, Eclipse Angus). */
public final class EmailChannel implements NotificationChannel {
  /** How long connecting, and each read or write on the SMTP connection, may take. */
  public static final Duration SMTP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final EmailConfig config;
  private final Session session;

  public EmailChannel(String name, EmailConfig config) {
    this.name = name;
    this.config = config;
    Properties props = new Properties();
    String timeout = Long.toString(SMTP_TIMEOUT.toMillis());
    props.put("mail.smtp.host", config.host());
    props.put("mail.smtp.port", Integer.toString(config.port()));
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    props.put("mail.smtp.from", config.from());
    if (config.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Authenticator login = null;
    if (config.username() != null) {
      props.put("mail.smtp.auth", "true");
      PasswordAuthentication credentials =
          new PasswordAuthentication(config.username(), config.password());
      login =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return credentials;
            }
          };
    }
    this.session = Session.getInstance(props, login);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NotificationFilter filter() {
    return config.filter();
  }

  @Override
  public void send(Notification notification) throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress(config.from()));
    for (String to : config.to()) {
      mail.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    mail.setSubject(subject(notification), StandardCharsets.UTF_8.name());
    mail.setSentDate(new Date(notification.sentAtMs()));
    mail.setHeader("X-Vigil-Alert-Id", notification.alert().id());
    mail.setHeader("X-Vigil-Transition", notification.transition().wireName());
    mail.setText(body(notification), StandardCharsets.UTF_8.name());
    Transport.send(mail);
  }

  /** {@code [Vigil] CRITICAL firing: cpu-hot on rack-07}. */
  static String subject(Notification n) {
    Alert a = n.alert();
    return "[Vigil] "
        + a.severity().name()
        + " "
        + n.transition().wireName()
        + ": "
        + a.ruleId()
        + " on "
        + a.hostName();
  }

  /** The alert's message, then one line per fact. */
  static String body(Notification n) {
    Alert a = n.alert();
    StringBuilder text = new StringBuilder();
    text.append(a.message()).append("\n\n");
    line(text, "Transition", n.transition().wireName());
    line(text, "Severity", a.severity().name().toLowerCase(Locale.ROOT));
    line(text, "Host", a.hostName() + " (" + a.hostId() + ")");
    line(text, "Sensor", a.sensorId());
    line(text, "Value", a.value() == null ? null : ValueFormat.number(a.value()));
    line(text, "Threshold", a.threshold() == null ? null : ValueFormat.number(a.threshold()));
    line(text, "Started", Instant.ofEpochMilli(a.startedAtMs()).toString());
    line(text, "Firing since", a.firingAtMs() == null ? null : instant(a.firingAtMs()));
    line(text, "Resolved", a.resolvedAtMs() == null ? null : instant(a.resolvedAtMs()));
    line(text, "Acknowledged by", a.ack() == null ? null : a.ack().by());
    line(text, "Alert id", a.id());
    line(text, "Relay", n.relayId());
    return text.toString();
  }

  private static String instant(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
