package dev.vigil.ui.alerts;

import dev.vigil.protocol.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which desktop notifications to show for alerts that started firing live. Only {@link
 * Severity#WARNING} and {@link Severity#CRITICAL} alerts notify (INFO alerts only show in the
 * panes). The first alert after a quiet spell notifies at once; alerts that follow within {@link
 * #BURST_WINDOW_MS} are gathered and shown when the window closes: one notification each up to
 * {@link #MAX_SINGLE_NOTICES}, otherwise one summary ("5 more alerts started firing — 2 critical, 3
 * warning"). Not thread-safe: use on the UI thread.
 */
public final class NotificationPolicy {
  /**
   * How long after a notification further alerts are gathered instead of shown, in milliseconds.
   */
  public static final long BURST_WINDOW_MS = 2_000;

  /** At most this many gathered alerts get a notification each; more get a summary. */
  public static final int MAX_SINGLE_NOTICES = 3;

  /** How many host names a summary lists before "and N more". */
  public static final int MAX_HOSTS_IN_SUMMARY = 3;

  private final Clock clock;
  private final List<AlertRow> gathered = new ArrayList<>();
  private long windowEndMs = Long.MIN_VALUE;

  /**
   * @param clock tells when a window closes
   */
  public NotificationPolicy(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** True for the severities that notify. */
  public static boolean notifies(Severity severity) {
    return severity == Severity.WARNING || severity == Severity.CRITICAL;
  }

  /**
   * Considers an alert that just started firing.
   *
   * @return the notifications to show at once: this alert's after a quiet spell, else none (it is
   *     gathered: call {@link #takeDue()} after {@link #msUntilDue()})
   */
  public List<AlertNotice> offer(AlertRow row) {
    Objects.requireNonNull(row, "row");
    if (!notifies(row.alert().severity())) {
      return List.of();
    }
    long now = clock.millis();
    if (gathered.isEmpty() && now >= windowEndMs) {
      windowEndMs = now + BURST_WINDOW_MS;
      return List.of(single(row));
    }
    gathered.add(row);
    return List.of();
  }

  /** How long until gathered alerts are due; empty when none are gathered. */
  public OptionalLong msUntilDue() {
    return gathered.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(Math.max(0, windowEndMs - clock.millis()));
  }

  /**
   * The notifications of the gathered alerts, once their window has closed (empty before, and after
   * they were taken): one per alert, or one summary when more than {@link #MAX_SINGLE_NOTICES}
   * gathered. Showing them opens a new window, so a steady stream yields one batch per window.
   */
  public List<AlertNotice> takeDue() {
    long now = clock.millis();
    if (gathered.isEmpty() || now < windowEndMs) {
      return List.of();
    }
    List<AlertRow> rows = List.copyOf(gathered);
    gathered.clear();
    windowEndMs = now + BURST_WINDOW_MS;
    if (rows.size() <= MAX_SINGLE_NOTICES) {
      return rows.stream().map(NotificationPolicy::single).toList();
    }
    return List.of(summary(rows));
  }

  private static AlertNotice single(AlertRow row) {
    return new AlertNotice(
        row.severityText() + " alert firing on " + row.hostText(),
        row.alert().message(),
        row.alert().severity());
  }

  private static AlertNotice summary(List<AlertRow> rows) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (AlertRow row : rows) {
      counts.merge(row.alert().severity(), 1, Integer::sum);
    }
    String breakdown =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Severity, Integer>comparingByKey().reversed())
            .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    Severity worst = counts.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
    return new AlertNotice(
        rows.size() + " more alerts started firing — " + breakdown, hostsText(rows), worst);
  }

  private static String hostsText(List<AlertRow> rows) {
    Set<String> hosts = new LinkedHashSet<>();
    rows.forEach(r -> hosts.add(r.hostText()));
    List<String> named = hosts.stream().limit(MAX_HOSTS_IN_SUMMARY).toList();
    int more = hosts.size() - named.size();
    String list = String.join(", ", named);
    String prefix = hosts.size() == 1 ? "On " : "On hosts ";
    return prefix + list + (more > 0 ? " and " + more + " more" : "") + ". See the Alerts page.";
  }
}
