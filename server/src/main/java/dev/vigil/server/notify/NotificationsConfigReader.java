package dev.vigil.server.notify;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.vigil.protocol.Severity;
import dev.vigil.server.alert.GlobPattern;
import dev.vigil.server.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the config file's {@code notifications} object; every error names the key it is about, e.g.
 * {@code notifications.webhooks[0].url}.
 */
public final class NotificationsConfigReader {
  private static final Gson GSON = new Gson();

  /** The longest timeout a command may ask for: 10 minutes. */
  public static final long MAX_COMMAND_TIMEOUT_MS = 600_000;

  record Root(List<JsonElement> webhooks, JsonElement email, List<JsonElement> commands) {}

  record WebhookSpec(
      String url,
      Map<String, String> headers,
      String minSeverity,
      String hostGlob,
      List<String> transitions) {}

  record EmailSpec(
      String host,
      Integer port,
      String from,
      List<String> to,
      String username,
      String password,
      Boolean startTls,
      String minSeverity,
      String hostGlob,
      List<String> transitions) {}

  record CommandSpec(
      List<String> argv,
      Long timeoutMs,
      String minSeverity,
      String hostGlob,
      List<String> transitions) {}

  private NotificationsConfigReader() {}

  /** The channels {@code json} configures; {@code where} names it in errors. */
  public static NotificationsConfig read(JsonElement json, String where) {
    Root root = parse(object(json, where), Root.class, where);
    List<WebhookConfig> webhooks = new ArrayList<>();
    if (root.webhooks() != null) {
      for (int i = 0; i < root.webhooks().size(); i++) {
        webhooks.add(webhook(root.webhooks().get(i), where + ".webhooks[" + i + "]"));
      }
    }
    EmailConfig email =
        root.email() == null || root.email().isJsonNull()
            ? null
            : email(root.email(), where + ".email");
    List<CommandConfig> commands = new ArrayList<>();
    if (root.commands() != null) {
      for (int i = 0; i < root.commands().size(); i++) {
        commands.add(command(root.commands().get(i), where + ".commands[" + i + "]"));
      }
    }
    return new NotificationsConfig(webhooks, email, commands);
  }

  private static WebhookConfig webhook(JsonElement json, String where) {
    WebhookSpec w = parse(object(json, where), WebhookSpec.class, where);
    URI url = httpUrl(required(w.url(), where, "url"), where + ".url");
    Map<String, String> headers = w.headers() == null ? Map.of() : w.headers();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getValue() == null
          || header.getKey().isBlank()
          || !header.getKey().chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new ConfigException(
            where + ".headers: '" + header.getKey() + "' is not a valid header with a value");
      }
    }
    NotificationFilter filter = filter(w.minSeverity(), w.hostGlob(), w.transitions(), where);
    return new WebhookConfig(url, headers, filter);
  }

  private static EmailConfig email(JsonElement json, String where) {
    EmailSpec e = parse(object(json, where), EmailSpec.class, where);
    String host = required(e.host(), where, "host");
    String from = required(e.from(), where, "from");
    List<String> to = required(e.to(), where, "to");
    if (to.isEmpty()) {
      throw new ConfigException(where + ".to: needs at least one recipient");
    }
    address(from, where + ".from");
    for (int i = 0; i < to.size(); i++) {
      address(to.get(i), where + ".to[" + i + "]");
    }
    int port = e.port() == null ? EmailConfig.DEFAULT_PORT : e.port();
    if (port < 1 || port > 65_535) {
      throw new ConfigException(where + ".port: " + port + " is outside 1 to 65535");
    }
    if ((e.username() == null) != (e.password() == null)) {
      throw new ConfigException(where + ": 'username' and 'password' go together");
    }
    NotificationFilter filter = filter(e.minSeverity(), e.hostGlob(), e.transitions(), where);
    return new EmailConfig(
        host,
        port,
        from,
        to,
        e.username(),
        e.password(),
        Boolean.TRUE.equals(e.startTls()),
        filter);
  }

  private static CommandConfig command(JsonElement json, String where) {
    CommandSpec c = parse(object(json, where), CommandSpec.class, where);
    List<String> argv = required(c.argv(), where, "argv");
    if (argv.isEmpty() || argv.stream().anyMatch(a -> a == null)) {
      throw new ConfigException(where + ".argv: needs the program, and no null arguments");
    }
    long timeoutMs =
        c.timeoutMs() == null ? CommandConfig.DEFAULT_TIMEOUT.toMillis() : c.timeoutMs();
    if (timeoutMs < 1 || timeoutMs > MAX_COMMAND_TIMEOUT_MS) {
      throw new ConfigException(
          where + ".timeoutMs: " + timeoutMs + " is outside 1 to " + MAX_COMMAND_TIMEOUT_MS);
    }
    NotificationFilter filter = filter(c.minSeverity(), c.hostGlob(), c.transitions(), where);
    return new CommandConfig(argv, Duration.ofMillis(timeoutMs), filter);
  }

  private static NotificationFilter filter(
      String minSeverity, String hostGlob, List<String> transitions, String where) {
    Severity severity =
        minSeverity == null ? Severity.INFO : severity(minSeverity, where + ".minSeverity");
    Set<Transition> chosen = NotificationFilter.DEFAULT_TRANSITIONS;
    if (transitions != null) {
      if (transitions.isEmpty()) {
        throw new ConfigException(where + ".transitions: name at least one transition");
      }
      EnumSet<Transition> set = EnumSet.noneOf(Transition.class);
      for (int i = 0; i < transitions.size(); i++) {
        set.add(transition(transitions.get(i), where + ".transitions[" + i + "]"));
      }
      chosen = set;
    }
    GlobPattern glob = hostGlob == null ? null : GlobPattern.of(hostGlob);
    return new NotificationFilter(severity, glob, chosen);
  }

  private static Severity severity(String value, String where) {
    List<String> names = new ArrayList<>();
    for (Severity s : Severity.values()) {
      String wire = s.name().toLowerCase(Locale.ROOT);
      if (wire.equals(value)) {
        return s;
      }
      names.add(wire);
    }
    throw new ConfigException(where + ": '" + value + "' is not one of " + names);
  }

  private static Transition transition(String value, String where) {
    List<String> names = List.of("firing", "resolved", "acknowledged");
    if (value != null && names.contains(value)) {
      return Transition.valueOf(value.toUpperCase(Locale.ROOT));
    }
    String why = "pending".equals(value) ? " (pending alerts are never notified)" : "";
    throw new ConfigException(where + ": '" + value + "' is not one of " + names + why);
  }

  private static URI httpUrl(String text, String where) {
    URI url;
    try {
      url = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException(where + ": '" + text + "' is not a URL: " + e.getReason(), e);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException(where + ": '" + text + "' is not an http:// or https:// URL");
    }
    if (url.getHost() == null) {
      throw new ConfigException(where + ": '" + text + "' has no host");
    }
    return url;
  }

  private static void address(String text, String where) {
    try {
      new jakarta.mail.internet.InternetAddress(text, true);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new ConfigException(where + ": '" + text + "' is not an e-mail address", e);
    }
  }

  private static JsonObject object(JsonElement json, String where) {
    if (json == null || !json.isJsonObject()) {
      throw new ConfigException(where + ": must be a JSON object");
    }
    return json.getAsJsonObject();
  }

  private static <T> T required(T value, String where, String field) {
    if (value == null) {
      throw new ConfigException(where + ": missing required field '" + field + "'");
    }
    return value;
  }

  private static <T extends Record> T parse(JsonObject json, Class<T> type, String where) {
    Set<String> known = new TreeSet<>();
    Arrays.stream(type.getRecordComponents()).forEach(c -> known.add(c.getName()));
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        throw new ConfigException(where + ": unknown key '" + key + "'; known keys: " + known);
      }
    }
    try {
      return GSON.fromJson(json, type);
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }
}
