package dev.appdb.adapter.jooq;

import dev.appdb.adapter.jooq.dialect.DatabaseDialect;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as {@link JooqDatabase#dataSource()} hands it out: every connection readied by
 * {@link DatabaseDialect#outsideUnits} first, so that nothing a unit of work left set on it
 * between units (SQLite's {@code query_only}) reaches code that does not know about units.
 */
final class OutsideUnitsDataSource implements DataSource {

  private final DataSource pool;
  private final DatabaseDialect dialect;

  OutsideUnitsDataSource(DataSource pool, DatabaseDialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return readied(pool.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return readied(pool.getConnection(username, password));
  }

  private Connection readied(Connection connection) throws SQLException {
    try {
      dialect.outsideUnits(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool.isWrapperFor(type);
  }
}
