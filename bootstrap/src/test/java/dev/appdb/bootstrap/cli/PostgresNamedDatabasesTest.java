package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.testing.BlackholeProxy;
import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.DatabaseHealth;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named databases beside the application's (Temporal's, say) on a real server: each has its own
 * pool and health, {@code appdb health} reports each and fails only when a required one is
 * down, within the bound, even when one sits behind a silent network; the embedding API reaches
 * each by name.
 */
class PostgresNamedDatabasesTest {

  /**
   * The command's own work on a loaded machine, which the bound does not count. A health that
   * waited for the silent database instead of its bound would wait for pgjdbc's 10 s login
   * timeout (the on-demand pool's first connection; 11 s measured): 2 s + 5 s tells them apart.
   */
  private static final long SLACK_MILLIS = 5_000;

  @TempDir
  Path folder;

  private Path config(String temporalUrl, boolean temporalRequired, String reportsUrl)
      throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String application = PostgresTestServer.createDatabase("named_app");
    return Files.writeString(folder.resolve("appdb.yaml"), """
        database:
          url: %s
        databases:
          temporal:
            url: %s
            required: %s
          reports:
            url: %s
            required: false
            health-timeout-ms: 500
        """.formatted(server.databaseUrl(application), temporalUrl, temporalRequired,
        reportsUrl));
  }

  @Test
  void healthReportsEachAndAnOptionalOneDownDoesNotFailIt() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    try (BlackholeProxy silent = new BlackholeProxy(server.port())) {
      silent.blackhole();
      Path config = config(server.databaseUrl(PostgresTestServer.createDatabase("temporal")),
          true, "postgresql://postgres:x@127.0.0.1:" + silent.port() + "/reports");
      assertThat(CliRun.run(Map.of(), "--config", config.toString(), "init-db").exitCode())
          .isZero();

      long start = System.nanoTime();
      CliRun health = CliRun.run(Map.of(), "--config", config.toString(), "health", "--json");
      long took = millisSince(start);

      assertThat(health.exitCode()).as(health.out()).isZero();
      assertThat(health.out()).contains("\"ready\":true")
          .contains("{\"name\":\"temporal\",\"required\":true,\"status\":\"UP\"")
          .contains("{\"name\":\"reports\",\"required\":false,\"status\":\"DOWN\"")
          .contains("did not answer within 500 ms");
      assertThat(took).isLessThan(2_000 + SLACK_MILLIS);
    }
  }

  @Test
  void aRequiredOneDownFailsHealthWithinTheBound() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    try (BlackholeProxy silent = new BlackholeProxy(server.port())) {
      silent.blackhole();
      Path config = config("postgresql://postgres:x@127.0.0.1:" + silent.port() + "/temporal",
          true, "postgresql://postgres:x@127.0.0.1:1/reports");
      assertThat(CliRun.run(Map.of(), "--config", config.toString(), "init-db").exitCode())
          .as("a named database that is down does not stop the application's start").isZero();

      long start = System.nanoTime();
      CliRun health = CliRun.run(Map.of(), "--config", config.toString(), "health");
      long took = millisSince(start);

      assertThat(health.exitCode()).isEqualTo(ExitCodes.DATABASE);
      assertThat(health.out()).startsWith("UP  PostgreSQL")
          .contains("temporal: DOWN (required)  did not answer within 2000 ms")
          .contains("reports: DOWN (optional)")
          .doesNotContain(":x@");
      assertThat(took).isLessThan(2_000 + SLACK_MILLIS);
    }
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  @Test
  void theEmbeddingApiReachesEachByName() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    Path config = config(server.databaseUrl(PostgresTestServer.createDatabase("temporal")), true,
        server.databaseUrl(PostgresTestServer.createDatabase("reports")));
    try (Appdb appdb = Appdb.start(SettingsLoader.load(config, Map.of(), Map.of()))) {
      assertThat(appdb.databaseNames()).containsExactly("app", "reports", "temporal");
      assertThat(appdb.database("app")).isSameAs(appdb.database());
      assertThat(appdb.database("temporal").probe().health().up()).isTrue();
      assertThat(appdb.database("temporal").probe().poolStatus().pool()).isEqualTo("appdb-temporal");
      List<DatabaseHealth> named = appdb.namedHealth();
      assertThat(named).extracting(DatabaseHealth::name).containsExactly("reports", "temporal");
      assertThat(named).allSatisfy(each -> assertThat(each.report().up()).isTrue());
      assertThatThrownBy(() -> appdb.database("temporl"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no database named 'temporl'; known: app, reports, temporal");
    }
  }
}
