package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.user.User;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * A statement that runs past the statement timeout is interrupted and fails the unit of work with
 * {@code QueryTimeoutException}, through jOOQ and through the repository kit's plain-JDBC path
 * alike, a write as well (SQLite then rolls the transaction back itself), a lazy cursor whatever
 * runs while it is open, and the pooled connection goes on working. sqlite-jdbc's JDBC query timeout alone would
 * let the statement run: it only bounds lock waits. The statements below never end by
 * themselves, so without appdb's clock these tests hit their JUnit timeout and fail.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class SqliteStatementTimeoutTest {

  /** Counts forever: SQLite never finishes it. */
  private static final String ENDLESS =
      "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c";

  /** A service's port whose repository runs the endless statement either way. */
  interface Endless {
    long countWithJooq();

    long countOnThePlainJdbcPath();

    /** Writes endlessly: SQLite rolls the whole transaction back when it interrupts a write. */
    void insertEndlessly();

    /** Reads endless rows from a lazy cursor and runs one quick statement per row. */
    long readLazilyWithAStatementPerRow();
  }

  /** The repository, on the unit's context as a service's repository is. */
  private record EndlessRepository(TransactionContext tx) implements Endless {
    @Override
    public long countWithJooq() {
      return tx.dsl().fetchOne(ENDLESS).get(0, Long.class);
    }

    @Override
    public void insertEndlessly() {
      tx.dslForWrite().execute("create table if not exists counted (x integer)");
      tx.dslForWrite().execute("insert into counted " + ENDLESS.replace("count(*)", "x"));
    }

    @Override
    public long readLazilyWithAStatementPerRow() {
      long rows = 0;
      try (var cursor = tx.dsl().fetchLazy(ENDLESS.replace("count(*)", "x"))) {
        while (cursor.fetchNext() != null) {
          tx.dsl().fetchOne("select 1"); // quick, and it must not stop the cursor's clock
          rows++;
        }
      }
      return rows;
    }

    @Override
    public long countOnThePlainJdbcPath() {
      return tx.jdbc(ENDLESS, null, false, statement -> {
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      });
    }
  }

  private SqliteTestDatabase database;

  @BeforeEach
  void open() {
    database = SqliteTestDatabase.open(1, Duration.ofSeconds(10), Duration.ofSeconds(1));
    database.database().register(Endless.class, EndlessRepository::new);
  }

  @AfterEach
  void close() {
    database.database().close();
  }

  @Test
  void aStatementRunningPastTheTimeoutIsInterruptedThroughJooq() {
    assertThatThrownBy(() -> database.transactions().readOnly(
        tx -> tx.repository(Endless.class).countWithJooq()))
        .isInstanceOf(QueryTimeoutException.class)
        .hasMessageContaining("the statement was interrupted: it ran longer than the statement"
            + " timeout (pool.statement-timeout-seconds), or it was cancelled");
    assertTheConnectionStillWorks();
  }

  @Test
  void aStatementRunningPastTheTimeoutIsInterruptedOnThePlainJdbcPath() {
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      tx.users().create(User.register("Rolled", "Back", null, Instant.now()));
      return tx.repository(Endless.class).countOnThePlainJdbcPath();
    }))
        .isInstanceOf(QueryTimeoutException.class)
        .hasMessageContaining("was interrupted");
    long users = database.transactions().readOnly(tx -> tx.users().count());
    assertThat(users).isZero();
    assertTheConnectionStillWorks();
  }

  @Test
  void aWriteRunningPastTheTimeoutRollsBackAndKeepsItsConnection() {
    long invalidBefore = database.database().probe().poolStatus().invalid();
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      tx.users().create(User.register("Rolled", "Back", null, Instant.now()));
      tx.repository(Endless.class).insertEndlessly();
      return null;
    }))
        .isInstanceOf(QueryTimeoutException.class)
        .hasMessageContaining("was interrupted");
    long users = database.transactions().readOnly(tx -> tx.users().count());
    assertThat(users).isZero();
    // SQLite ended the transaction itself; the rollback found nothing to undo, evicted nothing
    assertThat(database.database().probe().poolStatus().invalid()).isEqualTo(invalidBefore);
    assertTheConnectionStillWorks();
  }

  @Test
  void aLazyCursorIsTimedFromItsExecutionToItsCloseWhateverRunsMeanwhile() {
    assertThatThrownBy(() -> database.transactions().readOnly(
        tx -> tx.repository(Endless.class).readLazilyWithAStatementPerRow()))
        .isInstanceOf(QueryTimeoutException.class)
        .hasMessageContaining("was interrupted");
    assertTheConnectionStillWorks();
  }

  @Test
  void onlyTheTimeAStatementRunsCounts() {
    User kept = database.transactions().inTransaction(tx -> {
      User user = tx.users().create(User.register("Slow", "Unit", null, Instant.now()));
      pause(Duration.ofMillis(1500)); // longer than the timeout, between two statements
      return tx.users().findById(user.id()).orElseThrow();
    });
    Optional<User> found = database.transactions().readOnly(tx -> tx.users().findById(kept.id()));
    assertThat(found).contains(kept);
  }

  private void assertTheConnectionStillWorks() {
    User kept = database.transactions().inTransaction(
        tx -> tx.users().create(User.register("Still", "Works", null, Instant.now())));
    Optional<User> found = database.transactions().readOnly(tx -> tx.users().findById(kept.id()));
    assertThat(found).contains(kept);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
