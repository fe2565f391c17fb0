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
   * bound does not count; still far below pgjdbc's 10 s login timeout the bound replaces.
   */
  private static final long SLACK_MILLIS = 3_000;

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
}
