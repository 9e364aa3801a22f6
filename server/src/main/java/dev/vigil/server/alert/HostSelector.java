package dev.vigil.server.alert;

import java.util.Map;

/** Matches a host by a glob on its id or name and by exact label values. Immutable. */
final class HostSelector {
  private final GlobPattern glob;
  private final Map<String, String> labels;

  HostSelector(String hostGlob, Map<String, String> labels) {
    this.glob = GlobPattern.of(hostGlob == null ? "*" : hostGlob);
    this.labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Whether {@code host} is selected. */
  boolean matches(AlertHost host) {
    if (!glob.matches(host.hostId()) && !glob.matches(host.hostName())) {
      return false;
    }
    if (labels.isEmpty()) {
      return true;
    }
    Map<String, String> hostLabels = host.labels();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(hostLabels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
