package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.PostgresConnectionSettings;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.testing.BlackholeProxy;
import dev.appdb.application.health.HealthReport;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.CommitOutcomeUnknownException;
import dev.appdb.domain.error.InfrastructureException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A network that silently stops forwarding (no RST, no FIN) between the pool and PostgreSQL, made
 * by a proxy on 127.0.0.1. Units in flight must fail with a typed error within the statement
 * timeout plus the socket timeout, health must answer within its bound throughout, and the pool
 * must serve a unit of work within 35 s of the network's return, with no restart. Each test is
 * bounded on a thread of its own, so that without the timeouts under test it fails instead of
 * hanging in a socket read.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresNetworkFaultTest {

  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(4);
  /**
   * Well above the health bound: with the network gone the pool has no connection to give, so a
   * health check without a bound of its own waits this long for its checkout.
   */
  private static final Duration POOL_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration HEALTH_BOUND = PoolSettings.DEFAULT_HEALTH_TIMEOUT;
  /**
   * What a loaded 2-core machine may add to a bound (a stalled JVM, another process on the
   * cores). Each bound plus this stays below the wait of the failure it is there for: health
   * 2 + 5 s against the 10 s checkout timeout, a unit in flight 2 + 4 + 5 s against a hang (or a
   * second wait, for a connection: 4 + 10 s), a unit begun in the outage 10 + 4 + 5 s against a
   * hang (or a second checkout: 20 s).
   */
  private static final long SLACK_MILLIS = 5_000;
  /** For what takes milliseconds: long enough for any stall, short of a hang. */
  private static final long WAIT_SECONDS = 30;

  private PostgresServer server;
  private String name;
  private BlackholeProxy proxy;
  private JooqDatabase database;

  @BeforeEach
  void openThroughTheProxy() throws Exception {
    server = PostgresTestServer.get();
    name = PostgresTestServer.createDatabase("network_fault");
    new Migrator(PostgresDatabase.migrationDataSource(server.jdbcUrl(name),
        server.adminProperties()), DatabaseVendor.POSTGRESQL).migrate();
    proxy = new BlackholeProxy(server.port());
    PoolSettings pool = new PoolSettings(2, 0, POOL_TIMEOUT, Duration.ofMinutes(30),
        Duration.ofMinutes(10), STATEMENT_TIMEOUT);
    PostgresConnectionSettings network = new PostgresConnectionSettings(Duration.ofSeconds(2),
        Duration.ofSeconds(3), SOCKET_TIMEOUT, true, Duration.ofSeconds(60));
    database = PostgresDatabase.open("postgresql://" + proxy + "/" + name,
        "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name, server.adminProperties(),
        pool, network);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void everyConnectionCarriesTheServerSideTimeouts() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(show(statement, "statement_timeout")).isEqualTo("2s");
      assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("1min");
    }
  }

  @Test
  void unitsInFlightFailTypedHealthStaysBoundedAndThePoolRecoversWhenTheNetworkReturns()
      throws Exception {
    save("before");
    ExecutorService callers = Executors.newFixedThreadPool(2);
    CountDownLatch written = new CountDownLatch(2);
    CountDownLatch dropped = new CountDownLatch(1);
    List<Future<Long>> inFlight = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int caller = i;
      inFlight.add(callers.submit(() -> {
        try {
          database.transactions().inTransaction(tx -> {
            User user = tx.users().create(user("inflight" + caller));
            written.countDown();
            await(dropped);
            return tx.users().findById(user.id()); // sent into the blackhole
          });
          return -1L;
        } catch (AppdbException expected) {
          return System.nanoTime();
        }
      }));
    }
    assertThat(written.await(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("both units in flight wrote their row").isTrue();
    proxy.blackhole();
    long droppedAt = System.nanoTime();
    dropped.countDown();

    // health answers within its bound, and says down, the whole time the network is gone
    List<Long> healthMillis = new ArrayList<>();
    while (millisSince(droppedAt) < 10_000) {
      long start = System.nanoTime();
      HealthReport report = database.probe().health();
      healthMillis.add(millisSince(start));
      if (millisSince(droppedAt) > SOCKET_TIMEOUT.toMillis()) {
        assertThat(report.up()).as("health with the network gone").isFalse();
      }
      long readinessStart = System.nanoTime();
      assertThat(database.probe().readiness().ready()).as("ready with the network gone")
          .isFalse();
      healthMillis.add(millisSince(readinessStart));
      Thread.sleep(300);
    }
    assertThat(healthMillis).as("ms each health and readiness check took, bound %d ms",
        HEALTH_BOUND.toMillis()).allSatisfy(
        millis -> assertThat(millis).isLessThanOrEqualTo(HEALTH_BOUND.toMillis() + SLACK_MILLIS));

    // the units in flight failed with a typed error within statement + socket timeout (by now,
    // 10 s after the drop, they should have; the wait is for a stalled machine, a hang fails it)
    for (Future<Long> unit : inFlight) {
      long failedAt = assertThat(unit)
          .as("a unit in flight, %d ms after the network dropped", millisSince(droppedAt))
          .succeedsWithin(Duration.ofSeconds(WAIT_SECONDS)).actual();
      assertThat(failedAt).as("a unit in flight must fail, not succeed").isPositive();
      assertThat((failedAt - droppedAt) / 1_000_000)
          .as("ms from the drop to a unit in flight failing").isLessThanOrEqualTo(
          STATEMENT_TIMEOUT.plus(SOCKET_TIMEOUT).toMillis() + SLACK_MILLIS);
    }
    // a unit begun while the network is gone fails typed within the checkout timeout
    long start = System.nanoTime();
    assertThatThrownBy(() -> save("during")).isInstanceOf(InfrastructureException.class);
    assertThat(millisSince(start)).as("ms a unit begun with the network gone took to fail")
        .isLessThanOrEqualTo(POOL_TIMEOUT.plus(SOCKET_TIMEOUT).toMillis() + SLACK_MILLIS);

    proxy.restore();
    long restoredAt = System.nanoTime();
    long recoveredAfter = -1;
    while (millisSince(restoredAt) < 35_000) {
      try {
        save("after");
        recoveredAfter = millisSince(restoredAt);
        break;
      } catch (InfrastructureException stillDown) {
        Thread.sleep(100);
      }
    }
    System.out.println("network fault: first unit of work committed " + recoveredAfter
        + " ms after the network returned; health took at most "
        + healthMillis.stream().mapToLong(Long::longValue).max().orElse(0) + " ms");
    assertThat(recoveredAfter).as("ms from the network's return to a committed unit")
        .isBetween(0L, 35_000L);
    assertThat(database.probe().health().up()).isTrue();
    callers.shutdown();
    assertThat(callers.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("no caller thread hangs").isTrue();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aCommitWhoseAnswerIsLostRaisesCommitOutcomeUnknownThoughItMayHaveCommitted()
      throws Exception {
    save("warm");
    long start = System.nanoTime();
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      User user = tx.users().create(user("unknown"));
      proxy.blackhole(); // the COMMIT that follows reaches the proxy and waits there
      return user;
    })).isInstanceOf(CommitOutcomeUnknownException.class)
        .hasMessageContaining("may or may not have committed");
    assertThat(millisSince(start)).as("ms until the lost answer was given up on")
        .isLessThan(twoSocketTimeouts());

    // When the network returns, the held COMMIT reaches the server: the unit did commit, which
    // is why callers must not treat this error as "nothing was written".
    proxy.restore();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (countByEmail("unknown@example.com") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(countByEmail("unknown@example.com"))
        .as("rows of the held COMMIT 20 s after the network returned").isEqualTo(1);
    save("afterwards");
  }

  /** A read-only unit has nothing to commit: a lost answer to its COMMIT is no unknown outcome. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aReadOnlyUnitWhoseCommitAnswerIsLostIsUnavailableNotOfUnknownOutcome() {
    save("reader");
    long start = System.nanoTime();
    assertThatThrownBy(() -> database.transactions().readOnly(tx -> {
      long count = tx.users().count();
      proxy.blackhole();
      return count;
    })).isInstanceOfSatisfying(dev.appdb.domain.error.DatabaseUnavailableException.class,
            unavailable -> assertThat(unavailable.retryable()).isTrue())
        .hasMessageContaining("read-only unit of work")
        .hasMessageContaining("nothing was written");
    assertThat(millisSince(start)).as("ms until the lost answer was given up on")
        .isLessThan(twoSocketTimeouts());
    proxy.restore();
    save("afterreader");
  }

  private void save(String name) {
    database.transactions().inTransaction(tx -> tx.users().create(user(name)));
  }

  private static User user(String name) {
    return User.register(name, "Network", new Email(name + "@example.com"), Instant.now());
  }

  private long countByEmail(String email) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(name),
            server.adminProperties());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM app.users WHERE email = '" + email + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * The ceiling for a unit whose COMMIT's answer is lost: it ends at one socket timeout (4 s);
   * whatever waited on the dead connection a second time (a rollback, a reset sent through the
   * blackhole) would take at least two, and a hang ends only at the test's timeout. Up to 4 s of
   * stall tolerated, and the one-wait / two-waits line held by construction.
   */
  private static long twoSocketTimeouts() {
    return SOCKET_TIMEOUT.multipliedBy(2).toMillis();
  }

  /** Units of work take no checked exceptions; a wait that runs out fails the unit. */
  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the network was not dropped within " + WAIT_SECONDS
            + " s of the unit's write");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
