package dev.appdb.benchmarks.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;

/**
 * Where a benchmark's CPU time goes: reads the execution samples of a Flight Recorder file and
 * sorts every sample taken inside a benchmark method into one {@link Phase}, by the innermost
 * frame that belongs to a known component (the driver, the pool, jOOQ, ...); a jOOQ sample is
 * then narrowed to the jOOQ step its stack is in (rendering SQL, binding, fetching, ...).
 *
 * <p>Use it as JMH's JFR post-processor, which prints the breakdown of every benchmark and writes
 * it beside {@code profile.jfr}:
 * {@code -prof "jfr:postProcessor=dev.appdb.benchmarks.report.CpuPhases"}; or run it on recordings:
 * {@code CpuPhases profile.jfr...}.
 */
public final class CpuPhases implements JavaFlightRecorderProfiler.PostProcessor {

  /** What a CPU sample was doing, in the order the breakdown lists them. */
  enum Phase {
    DRIVER_PGJDBC("driver: pgjdbc (protocol, socket I/O)", "org.postgresql."),
    DRIVER_SQLITE("driver: sqlite-jdbc (JNI, the SQLite engine)", "org.sqlite."),
    POOL("pool: HikariCP checkout and return", "com.zaxxer.hikari."),
    LOGGING("logging: SLF4J / Logback", "org.slf4j.", "ch.qos.logback."),
    JOOQ_RENDER("jOOQ: render SQL", "org.jooq.impl.DefaultRenderContext",
        "org.jooq.impl.AbstractQuery.getSQL0"),
    JOOQ_BIND("jOOQ: bind values", "org.jooq.impl.DefaultBindContext"),
    JOOQ_FETCH("jOOQ: read rows into records", "org.jooq.impl.CursorImpl"),
    MAPPING("mapping: MapStruct records to entities", "dev.appdb.adapter.jooq.internal.repository.UserRecordMapper",
        "dev.appdb.adapter.jooq.internal.repository.IdentityRecordMapper"),
    JOOQ_LISTENERS("jOOQ: execute listeners and contexts", "org.jooq.impl.ExecuteListeners",
        "org.jooq.impl.DefaultExecuteContext", "org.jooq.tools.LoggerListener"),
    JOOQ_CONFIGURATION("jOOQ: Configuration.derive (Settings copy) per unit of work",
        "org.jooq.impl.DefaultConfiguration", "org.jooq.conf."),
    JOOQ_EXECUTE("jOOQ: execute (statement and result handling)",
        "org.jooq.impl.AbstractQuery.execute", "org.jooq.impl.ResultQueryTrait.",
        "org.jooq.impl.AbstractResultQuery."),
    JOOQ_BUILD("jOOQ: build the query objects (DSL)", "org.jooq.",
        "dev.appdb.adapter.jooq.schema."),
    TIMESTAMPS("timestamps: InstantText / InstantBinding", "dev.appdb.adapter.jooq.kit.InstantBinding", "dev.appdb.adapter.jooq.internal.lookup.InstantText"),
    ADAPTER("appdb adapter (units of work, repositories, errors)", "dev.appdb.adapter."),
    APPLICATION("appdb use cases", "dev.appdb.application."),
    DOMAIN("domain entities (validation, ids)", "dev.appdb.domain."),
    BASELINE("hand-written JDBC baseline", "dev.appdb.benchmarks.jdbc."),
    OTHER("JDK and other");

    private final String label;
    private final List<String> prefixes;

    Phase(String label, String... prefixes) {
      this.label = label;
      this.prefixes = List.of(prefixes);
    }

    boolean matches(String frame) {
      return prefixes.stream().anyMatch(frame::startsWith);
    }
  }

  private static final Pattern BENCHMARK_METHOD =
      Pattern.compile("^dev\\.appdb\\.benchmarks\\.scenario\\.(?!jmh_generated)");

  /**
   * Prints the breakdown of each recording.
   *
   * @param args Flight Recorder files
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    for (String file : args) {
      System.out.println(file);
      System.out.println(render(breakdown(Path.of(file))));
    }
  }

  /**
   * Called by JMH's JFR profiler after each benchmark: prints the breakdown and writes it to
   * {@code cpu-phases.txt} beside the recording.
   *
   * @param params the benchmark's parameters
   * @param jfrFile the recording
   * @return the written file
   */
  @Override
  public List<File> postProcess(BenchmarkParams params, File jfrFile) {
    try {
      String text = params.id() + "\n" + render(breakdown(jfrFile.toPath()));
      System.out.println(text);
      Path out = jfrFile.toPath().resolveSibling("cpu-phases.txt");
      Files.writeString(out, text);
      return List.of(out.toFile());
    } catch (IOException e) {
      System.err.println("cannot read " + jfrFile + ": " + e);
      return List.of();
    }
  }

  /**
   * @param jfr a recording
   * @return how many samples taken inside a benchmark method fell into each phase
   * @throws IOException when the file cannot be read
   */
  static Map<Phase, Integer> breakdown(Path jfr) throws IOException {
    Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (event.getEventType().getName().equals("jdk.ExecutionSample")
          && event.getStackTrace() != null) {
        List<String> frames = event.getStackTrace().getFrames().stream()
            .map(CpuPhases::name).toList();
        if (frames.stream().anyMatch(f -> BENCHMARK_METHOD.matcher(f).find())) {
          counts.merge(phase(frames), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /**
   * The innermost known component; for jOOQ (and the generated record classes), the step its
   * stack is in.
   */
  static Phase phase(List<String> frames) {
    for (String frame : frames) {
      for (Phase phase : Phase.values()) {
        if (phase.matches(frame)) {
          return phase.ordinal() >= Phase.JOOQ_RENDER.ordinal()
              && phase.ordinal() <= Phase.JOOQ_BUILD.ordinal() ? jooqStep(frames) : phase;
        }
      }
    }
    return Phase.OTHER;
  }

  /** The first of the jOOQ steps (in declaration order) with a frame on the stack. */
  private static Phase jooqStep(List<String> frames) {
    for (Phase step : Phase.values()) {
      if (step.ordinal() >= Phase.JOOQ_RENDER.ordinal() && frames.stream().anyMatch(step::matches)) {
        return step;
      }
    }
    return Phase.JOOQ_BUILD;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String render(Map<Phase, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder out = new StringBuilder();
    out.append(total).append(" CPU samples inside benchmark methods\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<Phase, Integer>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n",
            100.0 * e.getValue() / total, e.getKey().label)));
    return out.toString();
  }
}
