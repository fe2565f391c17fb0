package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthy local SQLite file reports UP while every core is busy: {@code health.timeout-ms}
 * bounds the database's waits (for a connection, for the file's lock), not the JVM's own work,
 * which a busy CPU slows down. The bound is 100 ms, less than opening takes on a busy machine.
 */
class SqliteHealthUnderLoadTest {

  @Test
  void aHealthyFileIsUpWhileTheCpuIsBusy(@TempDir Path folder) throws Exception {
    Map<String, String> environment = Map.of(
        "DATABASE_URL", "sqlite:///" + folder.resolve("busy.db"),
        "APPDB_HEALTH_TIMEOUT_MS", "100");
    assertThat(CliRun.run(environment, "init-db").exitCode()).isZero();
    AtomicBoolean busy = new AtomicBoolean(true);
    List<Thread> spinners = new ArrayList<>();
    for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
      Thread spinner = new Thread(() -> {
        long x = 0;
        while (busy.get()) {
          x += System.nanoTime() % 7;
        }
        if (x == 42) {
          System.out.print("");
        }
      });
      spinner.setDaemon(true);
      spinner.start();
      spinners.add(spinner);
    }
    try {
      for (int run = 0; run < 3; run++) {
        CliRun health = CliRun.run(environment, "health", "--json");
        assertThat(health.out()).as("run %d", run).contains("\"status\":\"UP\"");
        assertThat(health.exitCode()).isZero();
      }
    } finally {
      busy.set(false);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (Thread spinner : spinners) {
        spinner.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
    assertThat(spinners).as("CPU spinners still running 30 s after being stopped")
        .noneMatch(Thread::isAlive);
  }
}
