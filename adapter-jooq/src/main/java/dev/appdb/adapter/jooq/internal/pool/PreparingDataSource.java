package dev.appdb.adapter.jooq.internal.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Another data source whose every connection is prepared before anyone else sees it (a role set,
 * a pragma cleared); a connection that cannot be prepared is closed and the failure thrown.
 * Internal to appdb's adapters; not API.
 */
public final class PreparingDataSource implements DataSource {

  /** Prepares one connection. */
  @FunctionalInterface
  public interface Preparation {

    /**
     * @param connection a connection just obtained
     * @throws SQLException when it cannot be prepared
     */
    void prepare(Connection connection) throws SQLException;
  }

  private final DataSource delegate;
  private final Preparation preparation;
  private final Consumer<SQLException> failed;

  /**
   * @param delegate where the connections come from
   * @param preparation run on each of them
   */
  public PreparingDataSource(DataSource delegate, Preparation preparation) {
    this(delegate, preparation, failure -> { });
  }

  /**
   * @param delegate where the connections come from
   * @param preparation run on each of them
   * @param failed told of every connection that could not be opened or prepared
   */
  public PreparingDataSource(DataSource delegate, Preparation preparation,
      Consumer<SQLException> failed) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.preparation = Objects.requireNonNull(preparation, "preparation");
    this.failed = Objects.requireNonNull(failed, "failed");
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return prepared(delegate.getConnection());
    } catch (SQLException e) {
      failed.accept(e);
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    try {
      return prepared(delegate.getConnection(username, password));
    } catch (SQLException e) {
      failed.accept(e);
      throw e;
    }
  }

  private Connection prepared(Connection connection) throws SQLException {
    try {
      preparation.prepare(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
