package dev.vigil.ui.state;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.TokenCreated;
import java.util.List;
import java.util.Set;

/**
 * What one batch changed in the {@link DashboardState}, so that each view model refreshes only what
 * it shows.
 *
 * @param resynced a snapshot replaced the whole state: refresh everything
 * @param hostsChanged ids of hosts whose status, catalog, values or devices changed
 * @param hostSetChanged a host appeared or disappeared
 * @param alertsChanged any alert was added or changed
 * @param alertUpdates live alert transitions in arrival order (not those from a snapshot)
 * @param newEvents live device events in arrival order (not those from a snapshot)
 * @param results answers to our requests
 * @param connectionChanged the link state or round-trip time changed
 * @param tokensChanged the relay's token list changed (admins only)
 * @param createdTokens tokens this dashboard asked for, with their secrets, in arrival order
 */
public record Changes(
    boolean resynced,
    Set<String> hostsChanged,
    boolean hostSetChanged,
    boolean alertsChanged,
    List<Alert> alertUpdates,
    List<DeviceEvent> newEvents,
    List<Result> results,
    boolean connectionChanged,
    boolean tokensChanged,
    List<TokenCreated> createdTokens) {
  public Changes {
    hostsChanged = Set.copyOf(hostsChanged);
    alertUpdates = List.copyOf(alertUpdates);
    newEvents = List.copyOf(newEvents);
    results = List.copyOf(results);
    createdTokens = List.copyOf(createdTokens);
  }

  /** True when this host needs a refresh. */
  public boolean touches(String hostId) {
    return resynced || hostsChanged.contains(hostId);
  }
}
