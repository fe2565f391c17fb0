package dev.appdb.bootstrap.cli;

import dev.appdb.application.health.HealthReport;
import dev.appdb.bootstrap.DatabaseHealth;
import dev.appdb.bootstrap.NamedDatabase;
import dev.appdb.domain.error.InfrastructureException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;

/**
 * {@code appdb health}: a readiness probe; exit 0 when the database is up and its schema is as
 * new as the code and every required named database ({@code databases.<name>}) is up, 3 when
 * any of them is down, cannot be opened, or (the application's) is behind. Never
 * migrates, and answers within {@code health.timeout-ms} (default 2000) from its start, opening
 * included (a server that swallows packets would otherwise hold it for the connect timeout).
 */
@Command(name = "health",
    description = "Check the database: up/down, round trip, version, schema state.")
public final class HealthCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    long bound = root().settings().pool().healthTimeout().toMillis();
    long started = System.nanoTime();
    CompletableFuture<HealthReport> answer = new CompletableFuture<>();
    Thread probe = new Thread(() -> {
      try {
        // a probe never changes the schema
        answer.complete(appdbWithoutMigrating().probe().readiness());
      } catch (InfrastructureException unavailable) {
        answer.complete(new HealthReport(false, null, null, unavailable.getMessage()));
      } catch (Throwable other) {
        answer.completeExceptionally(other);
      }
    }, "appdb-health-command");
    probe.setDaemon(true);
    probe.start();
    List<NamedDatabase> named = root().settings().databases().stream()
        .map(NamedDatabase::new).toList();
    List<DatabaseHealth> others;
    try {
      others = NamedDatabase.healthOf(named); // concurrently, each within its own bound
    } finally {
      named.forEach(NamedDatabase::close);
    }
    HealthReport report;
    try {
      long left = bound - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      report = answer.get(Math.max(0, left), TimeUnit.MILLISECONDS); // checked alongside
    } catch (TimeoutException e) {
      report = new HealthReport(false, null, null,
          "the database did not answer within " + bound + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report = new HealthReport(false, null, null, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime; // a configuration error: the CLI's own exit code
      }
      throw new IllegalStateException(e.getCause());
    }
    output().health(report, others);
    return report.ready() && others.stream().allMatch(DatabaseHealth::acceptable) ? ExitCodes.OK
        : ExitCodes.DATABASE;
  }
}
