package dev.appdb.adapter.jooq.internal.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * An unpooled data source that opens each connection with pgjdbc's {@link Driver} from a URL
 * without credentials and properties kept here: nothing else sees them. HikariCP's configuration
 * dump at DEBUG masks only a property named {@code password}, and pgjdbc's own data sources log
 * their whole URL at FINE with every property but {@code password} ({@code sslpassword}
 * percent-encoded among them); the driver logs only the URL it is given. The login timeout is
 * the {@code loginTimeout} property appdb set: {@link #setLoginTimeout} (which HikariCP calls
 * with its checkout timeout) changes nothing.
 */
final class DriverConnections implements DataSource {

  private static final Driver DRIVER = new Driver();

  private final String jdbcUrl;
  private final Properties properties;
  /** Checks each new connection before it is handed out; null for none. */
  private final ServerSessions sessions;

  /**
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param properties pgjdbc properties, credentials included; copied
   * @throws IllegalArgumentException when the URL is not pgjdbc's
   */
  DriverConnections(String jdbcUrl, Properties properties) {
    this(jdbcUrl, properties, null);
  }

  /**
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param properties pgjdbc properties, credentials included; copied
   * @param sessions checks each new connection (a pooler in between); null for none
   * @throws IllegalArgumentException when the URL is not pgjdbc's
   */
  DriverConnections(String jdbcUrl, Properties properties, ServerSessions sessions) {
    this.sessions = sessions;
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!DRIVER.acceptsURL(jdbcUrl)) {
      throw new IllegalArgumentException("not a jdbc:postgresql: URL");
    }
    this.properties = new Properties();
    this.properties.putAll(properties);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties copy = new Properties();
    copy.putAll(properties);
    Connection connection = DRIVER.connect(jdbcUrl, copy);
    if (connection == null) {
      throw new SQLException("pgjdbc refused the URL", "08001");
    }
    if (sessions != null) {
      try {
        sessions.opened(connection);
      } catch (SQLException | RuntimeException e) {
        try {
          connection.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }
    return connection;
  }

  /** @throws SQLFeatureNotSupportedException always: the credentials are appdb's settings */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come from appdb's settings");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // pgjdbc logs through java.util.logging
  }

  /** Keeps appdb's {@code loginTimeout} property in force. */
  @Override
  public void setLoginTimeout(int seconds) {
    // appdb's loginTimeout property stays in force
  }

  @Override
  public int getLoginTimeout() {
    String seconds = properties.getProperty("loginTimeout");
    return seconds == null ? 0 : Integer.parseInt(seconds);
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("org.postgresql");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** @return the URL only, never the properties */
  @Override
  public String toString() {
    return "DriverConnections[" + jdbcUrl + "]";
  }
}
