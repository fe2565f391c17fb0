package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.testing.BlackholeProxy;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code appdb health} answers within its bound when the server swallows every packet (a proxy
 * on 127.0.0.1 that accepts and forwards nothing): without the bound the command waited for
 * the connect and login timeouts (10 s each). The bound is the setting {@code health.timeout-ms},
 * here 700 ms instead of its default 2000.
 */
class PostgresHealthBoundTest {

  private static final long BOUND_MILLIS = 700;
  /**
   * The JVM's own work in the command (class loading on a cold JVM, a loaded machine), which the
   * bound does not count; 1 s + 5 s is still well below pgjdbc's 10 s login timeout the bound
   * replaces (and the wait for the lock, which ends only after the command, in the second case).
   */
  private static final long SLACK_MILLIS = 5_000;

  @Test
  void healthExitsDownWithinItsBoundWhenTheServerIsSilent() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("health_bound");
    try (BlackholeProxy proxy = new BlackholeProxy(server.port())) {
      proxy.blackhole();
      Map<String, String> silent = Map.of("APPDB_HEALTH_TIMEOUT_MS", "" + BOUND_MILLIS,
          "DATABASE_URL", "postgresql://" + server.adminUser()
          + ":" + server.adminPassword() + "@127.0.0.1:" + proxy.port() + "/" + database);

      long start = System.nanoTime();
      CliRun health = CliRun.run(silent, "health", "--json");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // PostgreSQL's waits are bounded in whole seconds (pgjdbc's unit): 700 ms become 1 s, and
      // the report names the driver's own reason
      assertThat(health.exitCode()).isEqualTo(ExitCodes.DATABASE);
      assertThat(health.out()).contains("\"status\":\"DOWN\"").contains("timed out");
      assertThat(took.toMillis()).as(health.out())
          .isLessThanOrEqualTo(1_000 + SLACK_MILLIS);
    }
  }

  /**
   * A schema history table locked by another session: the readiness read is bounded by the
   * health timeout on the server (its statement timeout cancels it), so the command says "not
   * ready" within the bound instead of waiting for the lock.
   */
  @Test
  void aLockedSchemaHistoryIsNotReadyWithinTheBound() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("health_locked");
    Map<String, String> environment = Map.of("APPDB_HEALTH_TIMEOUT_MS", "1000",
        "DATABASE_URL", "postgresql://" + server.adminUser() + ":" + server.adminPassword()
        + "@127.0.0.1:" + server.port() + "/" + database);
    assertThat(CliRun.run(environment, "init-db").exitCode()).isZero();
    try (java.sql.Connection lock = java.sql.DriverManager.getConnection(
        server.jdbcUrl(database), server.adminProperties())) {
      lock.setAutoCommit(false);
      try (java.sql.Statement statement = lock.createStatement()) {
        statement.execute("LOCK TABLE app.appdb_schema_history IN ACCESS EXCLUSIVE MODE");
      }
      long start = System.nanoTime();
      CliRun health = CliRun.run(environment, "health", "--json");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      lock.rollback();

      assertThat(health.exitCode()).isEqualTo(ExitCodes.DATABASE);
      assertThat(health.out()).contains("\"ready\":false")
          .contains("the schema's state cannot be read");
      assertThat(took.toMillis()).as(health.out()).isLessThanOrEqualTo(1_000 + SLACK_MILLIS);
    }
  }
}
