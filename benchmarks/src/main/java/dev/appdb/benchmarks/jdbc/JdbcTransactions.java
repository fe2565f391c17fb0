package dev.appdb.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The hand-written baseline of a unit of work, the same protocol as appdb's
 * {@code JooqTransactions}: check a connection out of the pool, begin a transaction as the
 * database's dialect does, run the statements, commit (roll back on failure), return the
 * connection. No error translation, no jOOQ.
 */
public final class JdbcTransactions {

  private final DataSource pool;
  private final JdbcDialect dialect;

  /**
   * @param pool the same pool appdb uses
   * @param dialect the database's specifics
   */
  public JdbcTransactions(DataSource pool, JdbcDialect dialect) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * @param work the statements
   * @param <T> the result type
   * @return what {@code work} returned, after the commit
   * @throws SQLException when checkout, a statement or the commit fails
   */
  public <T> T inTransaction(SqlWork<T> work) throws SQLException {
    return run(work, false);
  }

  /**
   * Like {@link #inTransaction}, in a read-only transaction that takes no write lock.
   *
   * @param work the statements
   * @param <T> the result type
   * @return what {@code work} returned, after the commit
   * @throws SQLException when checkout, a statement or the commit fails
   */
  public <T> T readOnly(SqlWork<T> work) throws SQLException {
    return run(work, true);
  }

  private <T> T run(SqlWork<T> work, boolean readOnly) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      dialect.begin(connection, readOnly);
      try {
        T result = work.run(connection);
        dialect.commit(connection);
        return result;
      } catch (SQLException | RuntimeException failure) {
        dialect.rollback(connection);
        throw failure;
      }
    }
  }
}
