package dev.vigil.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bench.run.CapacityResult;
import dev.vigil.bench.run.CellResult;
import dev.vigil.bench.run.IdleMemoryResult;
import dev.vigil.bench.run.MemoryReading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MarkdownReportTest {
  private static final MachineInfo MACHINE = new MachineInfo(2, "Test CPU", 1024, "6.1", "JDK 17");

  @TempDir Path dir;

  private static CellResult cell(
      String system, int agents, int dashboards, double rate, long lost, Double p99) {
    return cell(system, agents, dashboards, rate, lost, p99, 0.5);
  }

  private static CellResult cell(
      String system,
      int agents,
      int dashboards,
      double rate,
      long lost,
      Double p99,
      double sendLagP99Ms) {
    long delivered = (long) rate * 5;
    return new CellResult(
        system,
        agents,
        dashboards,
        0,
        agents,
        dashboards,
        1.0,
        5.0,
        delivered + lost,
        delivered + lost,
        delivered,
        lost,
        0,
        rate,
        p99 == null ? null : p99 / 2,
        p99,
        p99,
        p99,
        sendLagP99Ms,
        1.0,
        0.2,
        100.0,
        0.3,
        0.0,
        0,
        0,
        0,
        "");
  }

  private static ReportInput input(List<CellResult> cells, List<IdleMemoryResult> idle) {
    return input(cells, List.of(), idle);
  }

  static ReportInput input(
      List<CellResult> cells, List<CapacityResult> capacity, List<IdleMemoryResult> idle) {
    return new ReportInput(
        "quick",
        "2026-01-01T00:00:00Z",
        MACHINE,
        Map.of("Mosquitto", "2.0.11"),
        List.of("window 5 s"),
        cells,
        capacity,
        idle,
        "footprint table");
  }

  @Test
  void lossAtTenThousandByTenMissesTheTarget() {
    String md =
        MarkdownReport.render(
            input(List.of(cell("vigil", 10_000, 10, 99_000, 250, 12.0)), List.of()));

    assertThat(md)
        .contains(
            "| 10,000 agents × 10 dashboards: zero loss, p99 < 25 ms | lost 250,"
                + " p99 12.000 ms | **not met** |");
  }

  @Test
  void aCellMeasuredAgainIsJudgedOnItsSecondRowAndTheTableKeepsBoth() {
    String md =
        MarkdownReport.render(
            input(
                List.of(
                    cell("vigil", 10_000, 10, 100_000, 0, 115.9, 79.4),
                    cell("vigil", 10_000, 10, 100_000, 0, 9.0)),
                List.of()));

    assertThat(md)
        .contains(
            "| 10,000 agents × 10 dashboards: zero loss, p99 < 25 ms | lost 0,"
                + " p99 9.000 ms | met |");
    assertThat(md)
        .contains("measured again (next row): the harness, not the server, shaped this run |");
    assertThat(md)
        .contains("second measurement, on a fresh server: ratios and targets use this row |");
  }

  @Test
  void stalledDashboardSectionComparesHealthyP99WithAndWithout() {
    CellResult plain = cell("vigil", 10_000, 10, 100_000, 0, 10.0);
    CellResult base = cell("vigil", 10_000, 10, 100_000, 0, 12.5);
    CellResult withStalled =
        new CellResult(
            base.system(),
            base.agents(),
            base.dashboards(),
            1,
            base.agentsReady(),
            base.dashboardsReady(),
            base.connectSeconds(),
            base.windowSeconds(),
            base.samplesSent(),
            base.expectedDeliveries(),
            base.delivered(),
            base.lost(),
            base.duplicates(),
            base.deliveriesPerSecond(),
            base.p50Ms(),
            base.p99Ms(),
            base.p999Ms(),
            base.maxMs(),
            base.sendLagP99Ms(),
            base.serverCpuSeconds(),
            base.serverCpuCores(),
            base.serverPeakRssMb(),
            base.harnessCpuCores(),
            base.otherCpuCores(),
            base.droppedAtSender(),
            base.connectionsFailed(),
            base.connectionsClosed(),
            base.notes());

    String md = MarkdownReport.render(input(List.of(plain, withStalled), List.of()));

    assertThat(md)
        .contains("| 10000×10 | Vigil relay | 1 | 10.000 | 12.500 | 1.25 | 0 / 0 |")
        .contains("| 10000×10 +1 stalled | Vigil relay |");
    assertThat(md).doesNotContain("| 10000×10 +1 stalled | — |");
  }

  @Test
  void ratiosDivideVigilByTheOtherSystemPerCell() {
    String md =
        MarkdownReport.render(
            input(
                List.of(
                    cell("vigil", 1_000, 100, 60_000, 0, 8.0),
                    cell("mosquitto", 1_000, 100, 40_000, 0, 4.0),
                    cell("bare", 1_000, 100, 100_000, 0, 2.0)),
                List.of()));

    assertThat(md).contains("| 1000×100 | 1.50 | 0.60 | 2.00 | 4.00 |");
  }

  @Test
  void latencyOfACellWithoutDeliveriesIsShownAbsentNotZero() {
    String md =
        MarkdownReport.render(
            input(List.of(cell("mosquitto", 1_000, 1, 0, 5_000, null)), List.of()));

    assertThat(md)
        .contains(
            "| 1000×1 | Mosquitto (MQTT/WS) | 1000 / 1 | 0 / 5,000 | 5,000 | 0 | 0 | — | — |");
  }

  @Test
  void everyRowOfTheCellTableHasAsManyColumnsAsItsHeader() {
    String md =
        MarkdownReport.render(
            input(
                List.of(
                    cell("vigil", 1_000, 1, 1_000, 0, 2.0),
                    cell("mosquitto", 1_000, 1, 0, 5_000, null)),
                List.of()));
    List<String> table =
        md.lines()
            .dropWhile(l -> !l.startsWith("| cell | system"))
            .takeWhile(l -> l.startsWith("|"))
            .toList();

    long columns = table.get(0).chars().filter(ch -> ch == '|').count();
    assertThat(table).hasSize(4);
    assertThat(table)
        .allSatisfy(
            row -> assertThat(row.chars().filter(ch -> ch == '|').count()).isEqualTo(columns));
  }

  @Test
  void idleMemoryTargetIsJudgedOnTheMarginalGrowthNotTheFirstHalf() {
    IdleMemoryResult idle =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100L << 20, 10L << 20),
            new MemoryReading(1_000, (100L << 20) + 30_000_000, (10L << 20) + 12_000_000),
            new MemoryReading(2_000, (100L << 20) + 34_000_000, (10L << 20) + 14_000_000));

    String md = MarkdownReport.render(input(List.of(), List.of(idle)));

    assertThat(md)
        .contains(
            "| ≤ 5 KiB relay memory per idle agent connection | marginal (slope over 2 steps)"
                + " 4,000 B RSS, 2,000 B live heap; first step 30,000 B RSS, 12,000 B live heap"
                + " (includes one-time JVM costs) | met (judged on the larger of marginal RSS"
                + " and marginal live heap: 4,000 B) |");
  }

  @Test
  void marginalRssAboveFiveKibPerConnectionMissesTheTarget() {
    IdleMemoryResult idle =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100L << 20, 10L << 20),
            new MemoryReading(1_000, (100L << 20) + 9_000_000, (10L << 20) + 3_000_000),
            new MemoryReading(2_000, (100L << 20) + 17_000_000, (10L << 20) + 6_000_000));

    String md = MarkdownReport.render(input(List.of(), List.of(idle)));

    assertThat(md)
        .contains(
            "| **not met** (judged on the larger of marginal RSS and marginal live heap:"
                + " 8,000 B) |");
  }

  @Test
  void marginalLiveHeapAboveFiveKibMissesTheTargetEvenWhenRssGrewLess() {
    IdleMemoryResult idle =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100L << 20, 10L << 20),
            new MemoryReading(1_000, (100L << 20) + 30_000_000, (10L << 20) + 7_000_000),
            new MemoryReading(2_000, (100L << 20) + 33_000_000, (10L << 20) + 13_000_000));

    String md = MarkdownReport.render(input(List.of(), List.of(idle)));

    assertThat(md)
        .contains(
            "| **not met** (judged on the larger of marginal RSS and marginal live heap:"
                + " 6,000 B) |");
  }

  @Test
  void rssThatFellBetweenTheHalvesGivesNoVerdict() {
    IdleMemoryResult idle =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100L << 20, 10L << 20),
            new MemoryReading(1_000, (100L << 20) + 30_000_000, (10L << 20) + 4_000_000),
            new MemoryReading(2_000, (100L << 20) + 27_000_000, (10L << 20) + 7_000_000));

    String md = MarkdownReport.render(input(List.of(), List.of(idle)));

    assertThat(md).contains("| undetermined (RSS did not grow over the steps");
    assertThat(md).doesNotContain("| met (");
  }

  @Test
  void idleTableShowsEveryStepWithAsManyColumnsAsItsHeader() {
    IdleMemoryResult idle =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100L << 20, 10L << 20),
            new MemoryReading(1_000, 130L << 20, 20L << 20),
            new MemoryReading(1_990, 134L << 20, 22L << 20));

    String md = MarkdownReport.render(input(List.of(), List.of(idle)));
    List<String> table =
        md.lines()
            .dropWhile(l -> !l.startsWith("| idle agents"))
            .takeWhile(l -> l.startsWith("|"))
            .toList();

    assertThat(table).hasSize(3);
    assertThat(table.get(2))
        .isEqualTo(
            "| 2,000 (1,000, 1,990) | 100.0 → 130.0 → 134.0 | 31,457 B | 4,237 B"
                + " | 10.0 → 20.0 → 22.0 | 10,486 B | 2,118 B |");
    long columns = table.get(0).chars().filter(ch -> ch == '|').count();
    assertThat(table.get(2).chars().filter(ch -> ch == '|').count()).isEqualTo(columns);
  }

  @Test
  void idleTargetIsAbsentNotFailedWhenNoAgentConnectedAfterTheFirstStep() {
    IdleMemoryResult idle =
        new IdleMemoryResult(
            2_000,
            new MemoryReading(0, 100L << 20, 10L << 20),
            new MemoryReading(1_000, 130L << 20, 20L << 20),
            new MemoryReading(1_000, 130L << 20, 20L << 20));

    String md = MarkdownReport.render(input(List.of(), List.of(idle)));

    assertThat(md)
        .contains(
            "marginal (slope over 2 steps) — RSS, — live heap; first step 31,457 B RSS,"
                + " 10,486 B live heap (includes one-time JVM costs)"
                + " | — (no agent connected after the first step) |");
  }

  @Test
  void chartIsWrittenAsAPng() throws Exception {
    Path png = dir.resolve("docs/benchmarks.png");

    ChartWriter.write(
        List.of(
            cell("vigil", 1_000, 1, 1_000, 0, 2.0),
            cell("bare", 1_000, 1, 1_000, 0, 1.0),
            cell("mosquitto", 1_000, 1, 0, 5_000, null)),
        List.of(
            CapacityReportTest.search("vigil", CapacityResult.Stop.SATURATED, 1.0, 2.0, 4.0, 8.0)),
        png);

    byte[] header = Files.readAllBytes(png);
    assertThat(header.length).isGreaterThan(1_000);
    assertThat(new String(header, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }
}
