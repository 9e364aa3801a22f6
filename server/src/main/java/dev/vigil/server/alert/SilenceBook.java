package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.Silence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The silences in effect. A silence matches an alert whose host id or name matches its host glob,
 * whose sensor matches its sensor glob (when it has one: host-level alerts have no sensor) and
 * whose rule is its rule (when it names one). Expired silences match nothing and are dropped by
 * {@link #expire}. Not thread-safe (core thread).
 */
public final class SilenceBook implements AlertBook.Silencer {
  /** Most silences in effect at once. */
  public static final int MAX_SILENCES = 1_000;

  /** Longest silence comment, in characters. */
  public static final int MAX_COMMENT_LENGTH = 1_000;

  /** Longest silence id, in characters. */
  public static final int MAX_ID_LENGTH = 64;

  private record Entry(Silence silence, GlobPattern hosts, GlobPattern sensors) {
    static Entry of(Silence s) {
      return new Entry(
          s,
          GlobPattern.of(s.hostGlob()),
          s.sensorGlob() == null ? null : GlobPattern.of(s.sensorGlob()));
    }

    boolean matches(Alert a) {
      if (silence.ruleId() != null && !silence.ruleId().equals(a.ruleId())) {
        return false;
      }
      if (!hosts.matches(a.hostId()) && !hosts.matches(a.hostName())) {
        return false;
      }
      return sensors == null || (a.sensorId() != null && sensors.matches(a.sensorId()));
    }
  }

  /** What a put did: the silence as recorded, or why not. */
  public record PutOutcome(Silence silence, String error) {}

  private final Clock clock;
  private final Map<String, Entry> byId = new LinkedHashMap<>();

  /** A book holding the unexpired ones of {@code stored}. */
  public SilenceBook(Clock clock, Collection<Silence> stored) {
    this.clock = clock;
    for (Silence s : stored) {
      if (s.id() != null && problem(s) == null) {
        byId.put(s.id(), Entry.of(s));
      }
    }
    expire();
  }

  /** Adds a silence, or replaces the one with its id; the relay assigns an id when it has none. */
  public PutOutcome put(Silence s, String by) {
    String problem = problem(s);
    if (problem != null) {
      return new PutOutcome(null, problem);
    }
    long now = clock.millis();
    if (s.expiresAtMs() <= now) {
      return new PutOutcome(
          null,
          "silence expiresAtMs "
              + s.expiresAtMs()
              + " is not in the future (relay time "
              + now
              + ")");
    }
    String id = s.id() == null ? "silence-" + UUID.randomUUID() : s.id();
    if (!byId.containsKey(id) && byId.size() >= MAX_SILENCES) {
      return new PutOutcome(null, "there are already " + MAX_SILENCES + " silences");
    }
    Silence recorded = s.recorded(id, by, now);
    byId.put(id, Entry.of(recorded));
    return new PutOutcome(recorded, null);
  }

  /** Ends a silence; returns why not, or {@code null} when done. */
  public String delete(String id) {
    return byId.remove(id) == null ? "no silence with id '" + id + "'" : null;
  }

  /** Drops expired silences; true when any was dropped. */
  public boolean expire() {
    long now = clock.millis();
    boolean any = false;
    Iterator<Entry> it = byId.values().iterator();
    while (it.hasNext()) {
      if (it.next().silence().expiresAtMs() <= now) {
        it.remove();
        any = true;
      }
    }
    return any;
  }

  /** Every silence in effect, soonest expiry first. */
  public List<Silence> silences() {
    List<Silence> list = new ArrayList<>();
    for (Entry e : byId.values()) {
      list.add(e.silence());
    }
    list.sort(Comparator.comparingLong(Silence::expiresAtMs).thenComparing(Silence::id));
    return list;
  }

  @Override
  public boolean silences(Alert alert) {
    if (byId.isEmpty()) {
      return false;
    }
    long now = clock.millis();
    for (Entry e : byId.values()) {
      if (e.silence().expiresAtMs() > now && e.matches(alert)) {
        return true;
      }
    }
    return false;
  }

  private static String problem(Silence s) {
    if (s == null) {
      return "missing silence";
    }
    if (s.id() != null && (s.id().isBlank() || s.id().length() > MAX_ID_LENGTH)) {
      return "silence id must be 1 to " + MAX_ID_LENGTH + " characters";
    }
    if (s.hostGlob() == null || s.hostGlob().isEmpty()) {
      return "silence hostGlob must not be empty (use * for every host)";
    }
    if (s.hostGlob().length() > RuleDefinitions.MAX_GLOB_LENGTH
        || (s.sensorGlob() != null
            && (s.sensorGlob().isEmpty()
                || s.sensorGlob().length() > RuleDefinitions.MAX_GLOB_LENGTH))) {
      return "silence globs must be 1 to " + RuleDefinitions.MAX_GLOB_LENGTH + " characters";
    }
    if (s.comment() == null || s.comment().length() > MAX_COMMENT_LENGTH) {
      return "silence comment must be at most " + MAX_COMMENT_LENGTH + " characters";
    }
    return null;
  }
}
