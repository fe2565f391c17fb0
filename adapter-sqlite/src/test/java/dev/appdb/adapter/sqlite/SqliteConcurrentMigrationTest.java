package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.migrations.MigrationReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 processes start at once on a fresh SQLite file, each migrating it and writing a row, as 16
 * one-shot CLI runs would: every one succeeds (the migration lock makes them wait their turn;
 * without it some failed with {@code SQLITE_BUSY_SNAPSHOT} from Flyway).
 */
class SqliteConcurrentMigrationTest {

  private static final int PROCESSES = 16;

  @TempDir
  Path folder;

  /**
   * One process: open, migrate, count the users. Exit 0 on success, 1 with the error on stderr.
   *
   * @param args the database file
   */
  public static void main(String[] args) {
    try (JooqDatabase database = SqliteDatabase.open(Path.of(args[0]),
        PoolSettings.PRODUCTION.onDemand())) {
      List<MigrationReport> reports = database.migrate();
      long users = database.transactions().readOnly(tx -> tx.users().count());
      System.out.println("applied " + reports.get(0).applied() + ", users " + users);
    } catch (RuntimeException e) {
      System.err.println(e);
      System.exit(1);
    }
  }

  @Test
  void sixteenProcessesMigratingAFreshFileAtOnceAllSucceed() throws Exception {
    Path file = folder.resolve("fresh.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          "-Xshare:auto", "-XX:TieredStopAtLevel=1", SqliteConcurrentMigrationTest.class.getName(),
          file.toString()).redirectErrorStream(true).start());
    }
    List<String> failures = new ArrayList<>();
    int appliedOnce = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    for (Process process : processes) {
      long left = Math.max(1, deadline - System.nanoTime());
      if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        failures.add("a process did not finish within 180 s");
        continue;
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        failures.add(output.strip());
      } else if (output.contains("applied 1,")) {
        appliedOnce++;
      }
    }
    assertThat(failures).as("processes that failed").isEmpty();
    assertThat(appliedOnce).as("processes that applied V1 (exactly one should)").isEqualTo(1);
    assertThat(new File(file + ".migration-lock")).exists();
  }
}
