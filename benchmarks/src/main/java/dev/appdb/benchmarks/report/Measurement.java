package dev.appdb.benchmarks.report;

import java.util.Map;
import java.util.Objects;

/**
 * One result of a JMH run: a benchmark method, in one mode, with one set of parameters.
 *
 * @param scenario the benchmark class's simple name, e.g. {@code FindUserById}
 * @param method the benchmark method, {@code appdb} or a JDBC baseline such as {@code jdbc}
 * @param mode JMH's mode: {@code thrpt}, {@code sample}, {@code avgt} or {@code ss}
 * @param threads how many threads ran it
 * @param params the JMH parameters, e.g. {@code database=SQLITE}
 * @param score the primary score, in {@code unit}
 * @param error the score's 99.9% confidence half-width; NaN when JMH had too few iterations
 * @param unit the score's unit, e.g. {@code ops/ms} or {@code ms/op}
 * @param percentiles the sample mode's percentiles ({@code "99.9"} to a score in {@code unit});
 *     empty in other modes
 */
public record Measurement(String scenario, String method, String mode, int threads,
    Map<String, String> params, double score, double error, String unit,
    Map<String, Double> percentiles) {

  /** Copies the maps; rejects nulls. */
  public Measurement {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(mode, "mode");
    params = Map.copyOf(params);
    Objects.requireNonNull(unit, "unit");
    percentiles = Map.copyOf(percentiles);
  }

  /**
   * @param value a score or percentile of this measurement
   * @return {@code value} in operations per second (throughput units) or milliseconds per
   *     operation (time units)
   */
  public double normalized(double value) {
    String time = unit.startsWith("ops/") ? unit.substring(4) : unit.substring(0, unit.indexOf('/'));
    double seconds = switch (time) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min" -> 60;
      default -> throw new IllegalArgumentException("unknown time unit in " + unit);
    };
    return unit.startsWith("ops/") ? value / seconds : value * seconds * 1e3;
  }
}
