package dev.vigil.bench.report;

import dev.vigil.bench.run.CapacityResult;
import dev.vigil.bench.run.CellResult;
import dev.vigil.bench.run.IdleMemoryResult;
import java.util.List;
import java.util.Map;

/**
 * Everything one report shows.
 *
 * @param mode {@code quick} or {@code full}
 * @param date when the run happened (ISO date and time)
 * @param machine the machine
 * @param versions software versions by name (Java-WebSocket, Mosquitto, ...)
 * @param settings how the run was set up, one line each (windows, pinning, limits)
 * @param cells every cell of every system
 * @param capacity every capacity search of every system (may be empty)
 * @param idle idle-connection memory results (may be empty)
 * @param footprint the agent footprint section in Markdown, or a line saying why it is missing
 */
public record ReportInput(
    String mode,
    String date,
    MachineInfo machine,
    Map<String, String> versions,
    List<String> settings,
    List<CellResult> cells,
    List<CapacityResult> capacity,
    List<IdleMemoryResult> idle,
    String footprint) {}
