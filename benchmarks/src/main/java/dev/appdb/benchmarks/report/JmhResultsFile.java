package dev.appdb.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON file JMH writes with {@code -rf json}.
 *
 * @param measurements every result, in the file's order
 * @param conditions how the run was made (JMH, JDK, forks, iterations), one line of text
 * @param warmedUp whether the run had warm-up iterations (a smoke pass has none)
 */
public record JmhResultsFile(List<Measurement> measurements, String conditions, boolean warmedUp) {

  /** Copies the list. */
  public JmhResultsFile {
    measurements = List.copyOf(measurements);
  }

  /**
   * @param json the file
   * @return its results
   * @throws IOException when the file cannot be read or is not JMH's JSON
   */
  public static JmhResultsFile read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    if (root == null || !root.isArray()) {
      throw new IOException(json + " is not a JMH JSON result (an array)");
    }
    List<Measurement> measurements = new ArrayList<>();
    for (JsonNode result : root) {
      List<Measurement> members = groupMembers(result);
      if (members.isEmpty()) {
        measurements.add(measurement(result));
      } else {
        measurements.addAll(members);
      }
    }
    JsonNode first = root.path(0);
    return new JmhResultsFile(measurements, root.isEmpty() ? "no results" : conditions(first),
        first.path("warmupIterations").asInt() > 0);
  }

  private static Measurement measurement(JsonNode result) {
    String benchmark = result.get("benchmark").asText();
    int method = benchmark.lastIndexOf('.');
    int scenario = benchmark.lastIndexOf('.', method - 1);
    Map<String, String> params = params(result);
    JsonNode metric = result.get("primaryMetric");
    Map<String, Double> percentiles = new LinkedHashMap<>();
    if ("sample".equals(result.get("mode").asText())) {
      metric.path("scorePercentiles").properties()
          .forEach(p -> percentiles.put(p.getKey(), p.getValue().asDouble()));
    }
    return new Measurement(benchmark.substring(scenario + 1, method),
        benchmark.substring(method + 1), result.get("mode").asText(),
        result.get("threads").asInt(), params, metric.get("score").asDouble(),
        metric.path("scoreError").asDouble(Double.NaN), metric.get("scoreUnit").asText(),
        percentiles);
  }

  /**
   * The members of a JMH group benchmark ({@code @Group}, e.g. {@code FindNoteByIdPaired.find}
   * running {@code appdb} and {@code jdbc} side by side): JMH reports the group's sum as the
   * primary result and each method's throughput as a secondary result named after the method.
   *
   * @return one measurement per method, each with an equal share of the group's threads (JMH's
   *     JSON does not say how {@code -tg} split them; the paired benchmarks split them evenly), or
   *     none when {@code result} is not a group's
   */
  private static List<Measurement> groupMembers(JsonNode result) {
    JsonNode secondary = result.path("secondaryMetrics");
    if (!secondary.has("appdb")) {
      return List.of();
    }
    String benchmark = result.get("benchmark").asText();
    int group = benchmark.lastIndexOf('.');
    String scenario = benchmark.substring(benchmark.lastIndexOf('.', group - 1) + 1, group);
    String unit = result.get("primaryMetric").get("scoreUnit").asText();
    Map<String, String> params = params(result);
    // the methods' own results; a profiler's (gc.alloc.rate, async) have dots or other units
    List<Map.Entry<String, JsonNode>> methods = secondary.properties().stream()
        .filter(metric -> metric.getKey().matches("[A-Za-z][A-Za-z0-9]*")
            && unit.equals(metric.getValue().path("scoreUnit").asText()))
        .toList();
    int threads = Math.max(1, result.get("threads").asInt() / Math.max(1, methods.size()));
    List<Measurement> members = new ArrayList<>();
    for (Map.Entry<String, JsonNode> method : methods) {
      JsonNode value = method.getValue();
      members.add(new Measurement(scenario, method.getKey(), result.get("mode").asText(), threads,
          params, value.get("score").asDouble(), value.path("scoreError").asDouble(Double.NaN),
          unit, Map.of()));
    }
    return members;
  }

  /** @return the result's JMH parameters (e.g. {@code database}), in the file's order */
  private static Map<String, String> params(JsonNode result) {
    Map<String, String> params = new LinkedHashMap<>();
    result.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
    return params;
  }

  private static String conditions(JsonNode first) {
    return "JMH " + first.path("jmhVersion").asText() + ", JDK " + first.path("jdkVersion").asText()
        + " (" + first.path("vmName").asText() + " " + first.path("vmVersion").asText() + "), "
        + first.path("forks").asInt() + " fork(s), warm-up " + first.path("warmupIterations").asInt()
        + " × " + first.path("warmupTime").asText() + ", measurement "
        + first.path("measurementIterations").asInt() + " × "
        + first.path("measurementTime").asText();
  }
}
