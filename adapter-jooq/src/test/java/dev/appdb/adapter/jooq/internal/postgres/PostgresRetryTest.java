package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.RetryingTransactions;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.port.RetryPolicy;
import dev.appdb.application.port.TransactionalWork;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.CommitOutcomeUnknownException;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries on a real PostgreSQL 16: a real deadlock (two units updating two users in opposite
 * orders) and a connection terminated by {@code pg_terminate_backend} in the middle of a unit
 * are run again and succeed once; a commit whose outcome is unknown, a stale version and a
 * validation error are never run again; the attempts are bounded.
 */
class PostgresRetryTest {

  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50));

  /** A service port that reports the backend process of its unit's connection. */
  interface Backend {
    int pid();
  }

  private PostgresTestDatabase database;
  private Transactions retrying;

  @BeforeEach
  void open() {
    database = PostgresTestDatabase.open("retry", 4);
    database.database().register(Backend.class, (TransactionContext tx) -> new Backend() {
      @Override
      public int pid() {
        return ((Number) tx.dsl().fetchValue("select pg_backend_pid()")).intValue();
      }
    });
    retrying = new RetryingTransactions(database.transactions(), FAST);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private UserId newUser(String name) {
    return database.transactions().inTransaction(tx ->
        tx.users().create(User.register(name, "Retry", null, Instant.now()))).id();
  }

  /** Updates {@code first}, waits for the other unit to have updated its first, then {@code second}. */
  private Runnable crossing(Transactions transactions, UserId first, UserId second,
      CyclicBarrier bothHoldOne, AtomicInteger runs) {
    return () -> transactions.inTransaction(tx -> {
      boolean firstRun = runs.incrementAndGet() <= 2; // the two units' first runs meet
      User a = tx.users().findById(first).orElseThrow();
      tx.users().update(a.withProfile(a.firstName() + "+", a.lastName(), null, Instant.now()));
      if (firstRun) {
        try {
          bothHoldOne.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IllegalStateException("the other unit did not update its first row within"
              + " 30 s", e);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      User b = tx.users().findById(second).orElseThrow();
      return tx.users().update(
          b.withProfile(b.firstName() + "+", b.lastName(), null, Instant.now()));
    });
  }

  private static Throwable run(Runnable one, Runnable other) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Void> a = CompletableFuture.runAsync(one, threads);
      CompletableFuture<Void> b = CompletableFuture.runAsync(other, threads);
      Throwable failure = null;
      for (CompletableFuture<Void> unit : List.of(a, b)) {
        try {
          unit.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failure = e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a unit did not finish within 60 s", e);
        }
      }
      return failure;
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aDeadlockIsATransactionConflictAndARetriedUnitSucceeds() throws Exception {
    UserId x = newUser("X");
    UserId y = newUser("Y");

    AtomicInteger plainRuns = new AtomicInteger();
    CyclicBarrier plainBarrier = new CyclicBarrier(2);
    Throwable plain = run(crossing(database.transactions(), x, y, plainBarrier, plainRuns),
        crossing(database.transactions(), y, x, plainBarrier, plainRuns));
    assertThat(plain).as("without retry one of the deadlocked units fails")
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(((ConcurrentUpdateException) plain).transactionConflict()).isTrue();
    assertThat(plainRuns).hasValue(2);

    AtomicInteger runs = new AtomicInteger();
    CyclicBarrier barrier = new CyclicBarrier(2);
    Throwable retried = run(crossing(retrying, x, y, barrier, runs),
        crossing(retrying, y, x, barrier, runs));
    assertThat(retried).as("with retry both units commit").isNull();
    assertThat(runs).as("the deadlock victim ran once more").hasValue(3);
    String names = database.transactions().readOnly(tx ->
        tx.users().findById(x).orElseThrow().firstName() + " "
            + tx.users().findById(y).orElseThrow().firstName());
    // first plain run: one unit committed (+1 each); then both retried units committed (+2 each)
    assertThat(names).isEqualTo("X+++ Y+++");
  }

  @Test
  void aUnitWhoseConnectionIsTerminatedRunsAgainOnAFreshOneAndWritesOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    User created = retrying.inTransaction(tx -> {
      User user = tx.users().create(User.register("Once", "Only", null, Instant.now()));
      if (runs.incrementAndGet() == 1) {
        terminate(tx.repository(Backend.class).pid());
      }
      tx.users().count(); // the first run's connection is gone: this statement fails
      return user;
    });
    assertThat(runs).hasValue(2);
    long named = database.transactions().readOnly(tx ->
        tx.users().findById(created.id()).isPresent() ? tx.users().count() : -1);
    assertThat(named).as("only the second run's user exists").isEqualTo(1);

    AtomicInteger plainRuns = new AtomicInteger();
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      plainRuns.incrementAndGet();
      terminate(tx.repository(Backend.class).pid());
      return tx.users().count();
    })).isInstanceOf(DatabaseUnavailableException.class);
    assertThat(plainRuns).hasValue(1);
  }

  @Test
  void aLoginTheServerRefusesIsNotTriedAgain() throws Exception {
    String role = "retry_refused_" + Long.toHexString(System.nanoTime());
    admin("CREATE ROLE " + role + " LOGIN");
    PostgresServer server = PostgresTestServer.get();
    Properties login = new Properties();
    login.setProperty("user", role);
    PoolSettings oneConnection = PoolSettings.DEVELOPMENT.withSize(1, 0)
        .withPoolTimeout(Duration.ofSeconds(1));
    try (JooqDatabase refusedLater = PostgresDatabase.open("postgresql://" + role + "@"
        + server.host() + ":" + server.port() + "/" + database.name(),
        server.jdbcUrl(database.name()), login, oneConnection)) {
      admin("ALTER ROLE " + role + " NOLOGIN");
      admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
          + role + "'");
      Thread.sleep(600); // past HikariCP's 500 ms: the dead idle connection is validated
      AtomicInteger attempts = new AtomicInteger();
      Transactions counted = new Transactions() {
        @Override
        public <T> T inTransaction(TransactionalWork<T> work) {
          attempts.incrementAndGet();
          return refusedLater.transactions().inTransaction(work);
        }

        @Override
        public <T> T readOnly(TransactionalWork<T> work) {
          attempts.incrementAndGet();
          return refusedLater.transactions().readOnly(work);
        }
      };

      assertThatThrownBy(() -> new RetryingTransactions(counted, FAST)
          .readOnly(tx -> tx.users().count()))
          .isInstanceOfSatisfying(DatabaseUnavailableException.class,
              e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("is not permitted to log in");
      assertThat(attempts).hasValue(1);
    }
  }

  private void admin(String sql) {
    try (Connection admin = database.database().dataSource().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void terminate(int pid) {
    admin("select pg_terminate_backend(" + pid + ")");
  }

  @Test
  void whatMayHaveCommittedOrWillFailAgainIsNeverRunAgain() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> retrying.inTransaction(tx -> {
      runs.incrementAndGet();
      throw new CommitOutcomeUnknownException("lost during COMMIT", null);
    })).isInstanceOf(CommitOutcomeUnknownException.class);
    assertThat(runs).hasValue(1);

    UserId id = newUser("Stale");
    User read = database.transactions().readOnly(tx -> tx.users().findById(id).orElseThrow());
    database.transactions().inTransaction(tx ->
        tx.users().update(read.withProfile("Fresh", "Retry", null, Instant.now())));
    runs.set(0);
    assertThatThrownBy(() -> retrying.inTransaction(tx -> {
      runs.incrementAndGet();
      return tx.users().update(read.withProfile("Stale", "Again", null, Instant.now()));
    })).isInstanceOf(ConcurrentUpdateException.class)
        .matches(e -> !((ConcurrentUpdateException) e).transactionConflict());
    assertThat(runs).hasValue(1);

    runs.set(0);
    assertThatThrownBy(() -> retrying.inTransaction(tx -> {
      runs.incrementAndGet();
      return tx.users().create(User.register("", "Blank", null, Instant.now()));
    })).isInstanceOf(ValidationException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void attemptsAreBoundedAndTheLastFailureIsThrownUnchanged() {
    AtomicInteger runs = new AtomicInteger();
    DatabaseUnavailableException last = new DatabaseUnavailableException("still down", null);
    assertThatThrownBy(() -> retrying.readOnly(tx -> {
      runs.incrementAndGet();
      throw last;
    })).isSameAs(last);
    assertThat(runs).hasValue(FAST.maxAttempts());
    assertThat(RetryingTransactions.retryable(new DatabaseUnavailableException("refused", null,
        false))).isFalse();
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(5)))
        .hasMessage("maxAttempts must be 2-10, was 1");
  }
}
