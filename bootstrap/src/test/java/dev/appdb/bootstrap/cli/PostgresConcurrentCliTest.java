package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.bootstrap.testdata.PostgresUrls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 16 one-shot CLI processes at once against one PostgreSQL 16, each with {@code pool.size} 20
 * (320 connections if each opened its pool up front, over the server's 100): every one succeeds,
 * because a one-shot process opens connections as its units need them.
 */
class PostgresConcurrentCliTest {

  private static final int PROCESSES = 16;

  @Test
  void sixteenCliProcessesAtOnceAllSucceed() throws Exception {
    String url = PostgresUrls.freshDatabase("concurrent_cli");
    assertThat(CliRun.run(Map.of("DATABASE_URL", url), "init-db").exitCode()).isZero();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      ProcessBuilder builder = new ProcessBuilder(java, "-cp",
          System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
          AppdbCommand.class.getName(), "users", "add", "--first-name", "Cli" + i,
          "--last-name", "Process", "--email", "cli" + i + "@example.com", "--json")
          .redirectErrorStream(true);
      builder.environment().put("DATABASE_URL", url);
      builder.environment().put("APPDB_POOL_SIZE", "20");
      builder.environment().put("APPDB_POOL_MAX_OVERFLOW", "10");
      processes.add(builder.start());
    }
    List<String> failures = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    for (Process process : processes) {
      if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        failures.add("a process did not finish within 180 s");
        continue;
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        failures.add(process.exitValue() + ": " + output.strip());
      }
    }
    assertThat(failures).as("CLI processes that failed").isEmpty();
    String listed = CliRun.run(Map.of("DATABASE_URL", url), "users", "list", "--json").out();
    assertThat(listed.split("\"first_name\"", -1)).hasSize(PROCESSES + 1);
  }
}
