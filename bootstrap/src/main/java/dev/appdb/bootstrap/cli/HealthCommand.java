package dev.appdb.bootstrap.cli;

import dev.appdb.application.health.HealthReport;
import dev.appdb.bootstrap.DatabaseHealth;
import dev.appdb.bootstrap.NamedDatabase;
import dev.appdb.domain.error.InfrastructureException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;

/**
 * {@code appdb health}: a readiness probe; exit 0 when the database is up and its schema is as
 * new as the code and every required named database ({@code databases.<name>}) is up, 3 when
 * any of them is down, cannot be opened, or (the application's) is behind. Never migrates.
 *
 * <p>{@code health.timeout-ms} (default 2000) bounds the database's answer, not the JVM's own
 * work: every wait on the database is bounded by it (the pool's checkout and SQLite's busy
 * timeout; PostgreSQL's connect, login and statement timeouts rounded up to whole seconds, the
 * socket timeout one second more), so a server that swallows packets is reported DOWN with the
 * driver's own reason ("timed out"), a refused login or TLS with theirs, and a healthy database
 * on a machine whose CPU is busy still reports UP. The command as a whole waits at most
 * {@link #safetyMillis} (a wait no driver bounds, such as a host name lookup), then reports DOWN
 * naming the last failure seen.
 */
@Command(name = "health",
    description = "Check the database: up/down, round trip, version, schema state.")
public final class HealthCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    Duration bound = root().settings().pool().healthTimeout();
    long safety = safetyMillis(bound);
    CompletableFuture<HealthReport> answer = new CompletableFuture<>();
    Thread probe = new Thread(() -> {
      try {
        answer.complete(appdbForHealth().probe().readinessOnThisThread());
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
      report = answer.get(safety, TimeUnit.MILLISECONDS); // checked alongside
    } catch (TimeoutException e) {
      report = new HealthReport(false, null, null, "the health check did not finish within "
          + safety + " ms, though every wait on the database is bounded by "
          + bound.toMillis() + " ms: the machine is overloaded, or a wait no driver bounds"
          + " (a host name lookup) hangs");
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

  /**
   * @param bound {@code health.timeout-ms}
   * @return how long the command waits for its check at most: the connect, login and socket
   *     waits the bound allows one after the other, and the bound again for the rest, at least
   *     10 s for the JVM's own work
   */
  static long safetyMillis(Duration bound) {
    long seconds = AppdbCommand.healthSeconds(bound).toMillis();
    return Math.max(10_000, 3 * seconds + 1_000 + bound.toMillis());
  }
}
