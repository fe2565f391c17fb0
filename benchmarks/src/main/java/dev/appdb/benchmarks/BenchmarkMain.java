package dev.appdb.benchmarks;

import dev.appdb.benchmarks.fixture.BenchmarkEnvironment;
import dev.appdb.benchmarks.fixture.PostgresServer;
import dev.appdb.benchmarks.fixture.Vendor;
import dev.appdb.benchmarks.report.JmhResultsFile;
import dev.appdb.benchmarks.report.ResultsTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks: starts the embedded PostgreSQL 16 server, prepares a migrated, seeded
 * template database per vendor, runs JMH with the given options (JMH's own command line:
 * {@code -f}, {@code -wi}, {@code -i}, {@code -r}, {@code -prof gc}, a benchmark regex, ...),
 * writes the results as JSON ({@code -rff}, default {@code jmh-results.json}) and beside it
 * the Markdown table ({@code .md}), which it also prints.
 */
public final class BenchmarkMain {

  private static final List<String> FORK_JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");

  private BenchmarkMain() {}

  /**
   * @param args JMH command-line options
   * @throws Exception when a database cannot be prepared or a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions command = new CommandLineOptions(args);
    if (command.shouldHelp()) {
      command.showHelp();
      return;
    }
    if (command.shouldList()) {
      new Runner(command).list();
      return;
    }
    Path json = Path.of(command.getResult().orElse("jmh-results.json")).toAbsolutePath();
    Path work = Files.createTempDirectory(json.getParent(), "bench-data-");
    try (EmbeddedPostgres postgres = PostgresServer.start()) {
      BenchmarkEnvironment environment = new BenchmarkEnvironment(work, postgres.getPort());
      for (Vendor vendor : Vendor.values()) {
        vendor.template(environment).create();
      }
      environment.publish();
      List<String> jvmOptions = new ArrayList<>(FORK_JVM_OPTIONS);
      jvmOptions.addAll(environment.jvmArguments());
      jvmOptions.addAll(command.getJvmArgsAppend().orElse(List.of()));
      Options options = new OptionsBuilder().parent(command)
          .resultFormat(ResultFormatType.JSON)
          .result(json.toString())
          .jvmArgsAppend(jvmOptions.toArray(new String[0]))
          .build();
      new Runner(options).run();
    } finally {
      deleteRecursively(work);
    }
    String table = ResultsTable.render(JmhResultsFile.read(json));
    Path markdown = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "")
        + ".md");
    Files.writeString(markdown, table);
    System.out.println();
    System.out.println(table);
    System.out.println("Results: " + json + " and " + markdown);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
