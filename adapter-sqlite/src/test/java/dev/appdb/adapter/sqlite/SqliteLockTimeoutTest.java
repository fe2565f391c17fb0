package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.user.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Another process holding SQLite's write lock past the busy timeout fails only the unit of work
 * that waited; the pooled connection stays sound (a later unit that throws still rolls back).
 */
class SqliteLockTimeoutTest {

  @Test
  void aLockTimeoutLeavesThePooledConnectionTransactional() throws Exception {
    try (SqliteTestDatabase database = SqliteTestDatabase.open(1, Duration.ofSeconds(1));
        Connection otherProcess = DriverManager.getConnection("jdbc:sqlite:" + database.file());
        Statement lock = otherProcess.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> tx.users().create(
          User.register("Waits", "Too Long", null, Instant.now()))))
          .isInstanceOf(QueryTimeoutException.class);
      lock.execute("COMMIT");

      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
        tx.users().create(User.register("Rolled", "Back", null, Instant.now()));
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      User kept = database.transactions().inTransaction(tx -> tx.users().create(
          User.register("Kept", "Committed", null, Instant.now())));

      assertThat(database.transactions().readOnly(tx -> tx.users().list(null, 10)).items())
          .containsExactly(kept);
    }
  }
}
