package dev.appdb.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns JMH's JSON results into a Markdown table: per scenario, database and thread count, one
 * row per JDBC baseline with appdb's and the baseline's throughput, the ratio appdb/JDBC (below
 * 0.8 in bold) and the sample mode's latency percentiles.
 *
 * <p>Throughput comes from the throughput mode; without it from the single-shot time (one
 * operation per shot) or the sample mode's mean. A {@code users} parameter (the bulk import)
 * turns operations into users per second.
 */
public final class ResultsTable {

  private static final double RATIO_THRESHOLD = 0.8;
  private static final String[] PERCENTILES = {"50.0", "99.0", "99.9"};
  private static final List<String> TIME_MODES = List.of("ss", "sample", "avgt");

  private ResultsTable() {}

  /**
   * Converts a JMH JSON file into a Markdown file.
   *
   * @param args the JSON file, then the Markdown file to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ResultsTable <jmh-results.json> <table.md>");
      System.exit(2);
    }
    Files.writeString(Path.of(args[1]), render(JmhResultsFile.read(Path.of(args[0]))));
  }

  /**
   * @param results a run's results
   * @return the Markdown text: a line on how the run was made, then the table
   */
  public static String render(JmhResultsFile results) {
    StringBuilder out = new StringBuilder();
    out.append("Run: ").append(results.conditions()).append("; ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(".\n\n");
    if (!results.warmedUp()) {
      out.append("**No warm-up: a smoke pass that checks the benchmarks run. These numbers are not "
          + "measurements.**\n\n");
    }
    out.append("| Benchmark | Database | Threads | appdb | JDBC | appdb/JDBC "
        + "| appdb p50 / p99 / p99.9 µs | JDBC p50 / p99 / p99.9 µs |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Map<String, Map<String, Measurement>> methods : groups(results).values()) {
      Map<String, Measurement> appdb = methods.get("appdb");
      List<String> baselines = new ArrayList<>(methods.keySet());
      baselines.remove("appdb");
      baselines.sort(Comparator.comparing((String name) -> !name.equals("jdbc"))
          .thenComparing(Comparator.naturalOrder()));
      for (String baseline : appdb == null ? List.<String>of() : baselines) {
        out.append(row(appdb, baseline, methods.get(baseline))).append('\n');
      }
    }
    out.append("\nThroughput ± JMH's 99.9% confidence half-width (none with a single iteration). "
        + "appdb/JDBC: appdb's throughput over the baseline's; 1.00 is parity, below "
        + RATIO_THRESHOLD + " in bold. Latency percentiles from the sample mode.\n");
    return out.toString();
  }

  /** Scenario, parameters and threads, to method, to mode, to measurement. */
  private static Map<String, Map<String, Map<String, Measurement>>> groups(JmhResultsFile results) {
    Map<String, Map<String, Map<String, Measurement>>> groups = new LinkedHashMap<>();
    for (Measurement m : results.measurements()) {
      groups.computeIfAbsent(m.scenario() + '|' + m.params() + '|' + m.threads(),
              key -> new LinkedHashMap<>())
          .computeIfAbsent(m.method(), key -> new LinkedHashMap<>())
          .put(m.mode(), m);
    }
    return groups;
  }

  private static String row(Map<String, Measurement> appdb, String baselineName,
      Map<String, Measurement> baseline) {
    Measurement any = appdb.values().iterator().next();
    Rate ours = rate(appdb);
    Rate theirs = rate(baseline);
    String ratioText = String.format(Locale.ROOT, "%.2f", ours.perSecond() / theirs.perSecond());
    List<String> cells = new ArrayList<>();
    cells.add(any.scenario() + (baselineName.equals("jdbc") ? "" : " (vs " + baselineName + ")"));
    cells.add(any.params().getOrDefault("database", "—"));
    cells.add(Integer.toString(any.threads()));
    cells.add(ours.text());
    cells.add(theirs.text());
    cells.add(Double.parseDouble(ratioText) < RATIO_THRESHOLD ? "**" + ratioText + "**" : ratioText);
    cells.add(percentiles(appdb.get("sample")));
    cells.add(percentiles(baseline.get("sample")));
    return "| " + String.join(" | ", cells) + " |";
  }

  /** Operations (or users) per second, and its error when JMH could compute one. */
  private record Rate(double perSecond, double error, String unit) {

    String text() {
      String value = String.format(Locale.ROOT, "%,.0f", perSecond);
      if (!Double.isNaN(error)) {
        value += String.format(Locale.ROOT, " ± %,.0f", error);
      }
      return value + ' ' + unit;
    }
  }

  private static Rate rate(Map<String, Measurement> modes) {
    Measurement any = modes.values().iterator().next();
    String users = any.params().get("users");
    double perOperation = users == null ? 1 : Double.parseDouble(users);
    String unit = users == null ? "ops/s" : "users/s";
    Measurement thrpt = modes.get("thrpt");
    if (thrpt != null) {
      return new Rate(thrpt.normalized(thrpt.score()) * perOperation,
          thrpt.normalized(thrpt.error()) * perOperation, unit);
    }
    Measurement time = TIME_MODES.stream().map(modes::get).filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no usable mode in " + modes.keySet()));
    double millis = time.normalized(time.score());
    double perSecond = time.threads() * perOperation * 1e3 / millis;
    // first-order error propagation of a reciprocal: d(1/x) = dx / x^2
    double error = perSecond * time.normalized(time.error()) / millis;
    return new Rate(perSecond, error, unit);
  }

  private static String percentiles(Measurement sample) {
    if (sample == null) {
      return "—";
    }
    List<String> values = new ArrayList<>();
    for (String p : PERCENTILES) {
      Double value = sample.percentiles().get(p);
      values.add(value == null ? "—"
          : String.format(Locale.ROOT, "%,.1f", sample.normalized(value) * 1e3));
    }
    return String.join(" / ", values);
  }
}
