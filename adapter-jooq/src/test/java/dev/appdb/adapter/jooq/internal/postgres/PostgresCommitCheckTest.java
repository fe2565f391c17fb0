package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A unit reports a commit only when its own transaction committed: one whose transaction was
 * ended behind its back (a ROLLBACK sent past appdb) throws instead of reporting the commit that
 * pgjdbc's {@code commit()} of an idle connection would report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCommitCheckTest {

  /** A service's port whose repository sends statements past appdb's tracking. */
  interface RawSql {
    /** Sends ROLLBACK through {@code DSLContext.connection}. */
    void rollbackBehindTheUnitsBack();

    /** Makes the unit's jOOQ context and sends nothing. */
    void touch();
  }

  private PostgresTestDatabase database;

  @BeforeAll
  void open() {
    database = PostgresTestDatabase.open("commit_check", 2);
    database.database().register(RawSql.class, tx -> new RawSql() {
      @Override
      public void rollbackBehindTheUnitsBack() {
        tx.dsl().connection(connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
          }
        });
      }

      @Override
      public void touch() {
        tx.dsl();
      }
    });
  }

  @AfterAll
  void close() {
    database.close();
  }

  @Test
  void aTransactionEndedBehindTheUnitsBackIsNoCommit() {
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      tx.users().create(User.register("Behind", "Back", new Email("behind@example.com"),
          Instant.now()));
      tx.repository(RawSql.class).rollbackBehindTheUnitsBack();
      return "returned";
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("behind its back");

    long users = database.transactions().readOnly(tx -> tx.users().count());
    assertThat(users).isZero();
  }

  @Test
  void aUnitThatSendsNoStatementStillCommits() {
    String result = database.transactions().inTransaction(tx -> {
      tx.repository(RawSql.class).touch();
      return "nothing sent";
    });
    assertThat(result).isEqualTo("nothing sent");
  }
}
