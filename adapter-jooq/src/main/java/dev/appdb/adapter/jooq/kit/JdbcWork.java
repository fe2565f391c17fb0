package dev.appdb.adapter.jooq.kit;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What {@link TransactionContext#jdbc} does with its prepared statement: bind, execute, read.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface JdbcWork<T> {

  /**
   * @param statement the prepared statement, open until this returns
   * @return the result, may be null
   * @throws SQLException when the driver fails; the unit then ends with appdb's domain error
   */
  T run(PreparedStatement statement) throws SQLException;
}
