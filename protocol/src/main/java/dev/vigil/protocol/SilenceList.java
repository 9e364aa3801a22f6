package dev.vigil.protocol;

import java.util.List;

/**
 * Relay to dashboards: every silence in effect, pushed whenever one is put, deleted or expires.
 *
 * @param silences the silences, ordered by expiry
 */
public record SilenceList(List<Silence> silences) implements Message {
  public SilenceList {
    silences = List.copyOf(silences);
  }
}
