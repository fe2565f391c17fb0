package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The dialect knows when PostgreSQL aborted a transaction, whoever sent the failing statement:
 * pgjdbc's {@code commit()} of such a transaction returns normally while the server rolls back.
 */
class PostgresDialectTest {

  private final PostgresDialect dialect = new PostgresDialect();

  @Test
  void seesAnAbortedTransactionThatJdbcWouldCommitSilently() throws SQLException {
    PostgresServer server = PostgresTestServer.get();
    String name = PostgresTestServer.createDatabase("dialect");
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(name),
        server.adminProperties())) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (x int)");
        assertThat(dialect.transactionAborted(connection)).isFalse();
        assertThatThrownBy(() -> statement.execute("SELECT 1 / 0"))
            .isInstanceOf(SQLException.class);

        assertThat(dialect.transactionAborted(connection)).isTrue();
        connection.commit(); // what the dialect guards against: no error, yet nothing committed
        assertThat(dialect.transactionAborted(connection)).isFalse();
        assertThatThrownBy(() -> statement.execute("SELECT * FROM t"))
            .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
      }
    }
  }

  @Test
  void readsALostConnectionOrAServerShutdownDuringCommitAsAnUnknownOutcome() {
    assertThat(dialect.commitOutcomeUnknown(new SQLException("io", "08006"))).isTrue();
    assertThat(dialect.commitOutcomeUnknown(new SQLException("closed", "08003"))).isTrue();
    assertThat(dialect.commitOutcomeUnknown(new SQLException("shutdown", "57P01"))).isTrue();
    assertThat(dialect.commitOutcomeUnknown(new SQLException("serialization", "40001")))
        .isFalse();
    assertThat(dialect.commitOutcomeUnknown(new SQLException("deferred unique", "23505")))
        .isFalse();
    assertThat(dialect.commitOutcomeUnknown(new SQLException("no state"))).isFalse();
  }
}
