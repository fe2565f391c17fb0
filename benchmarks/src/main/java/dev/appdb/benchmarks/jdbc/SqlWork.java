package dev.appdb.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hand-written JDBC work inside one transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {

  /**
   * @param connection the transaction's connection, auto-commit off
   * @return the result
   * @throws SQLException when a statement fails (the transaction is then rolled back)
   */
  T run(Connection connection) throws SQLException;
}
