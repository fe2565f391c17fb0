package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.MigrationLogin;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.Pooler;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.internal.pool.PreparingDataSource;
import dev.appdb.adapter.jooq.spi.ConnectionPool;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGProperty;

/** Opens a PostgreSQL database through pgjdbc and HikariCP. */
public final class PostgresDatabase {

  private PostgresDatabase() {}

  /**
   * Opens the database with {@link PostgresConnectionSettings#defaults} for the pool's statement
   * timeout.
   *
   * @param target where the pool connects, without password, e.g.
   *     {@code postgresql://db:5432/appdb}
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param driverProperties pgjdbc properties ({@code user}, {@code password}, {@code sslmode},
   *     ...); copied, never logged
   * @param settings pool sizes and timeouts
   * @return the open database
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public static JooqDatabase open(String target, String jdbcUrl, Properties driverProperties,
      PoolSettings settings) {
    return open(target, jdbcUrl, driverProperties, settings,
        PostgresConnectionSettings.defaults(settings.statementTimeout()));
  }

  /**
   * @param target where the pool connects, without password, e.g.
   *     {@code postgresql://db:5432/appdb}
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param driverProperties pgjdbc properties ({@code user}, {@code password}, {@code sslmode},
   *     ...); copied, never logged; a property set here wins over {@code connection}'s
   * @param settings pool sizes and timeouts; the statement timeout is set on the server
   * @param connection connect, login and socket timeouts, keepalive, idle-in-transaction timeout
   * @return the open database
   * @throws IllegalArgumentException when the socket timeout does not exceed the statement
   *     timeout
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public static JooqDatabase open(String target, String jdbcUrl, Properties driverProperties,
      PoolSettings settings, PostgresConnectionSettings connection) {
    return open(target, jdbcUrl, driverProperties, settings, connection, null);
  }

  /**
   * @param target see {@link #open(String, String, Properties, PoolSettings,
   *     PostgresConnectionSettings)}
   * @param jdbcUrl see there
   * @param driverProperties see there
   * @param settings see there
   * @param connection see there
   * @param migration who runs {@link JooqDatabase#migrate} (and reads the schema's state for
   *     readiness): another login and the owner role it sets; null for the application's own
   *     credentials
   * @return the open database
   * @throws IllegalArgumentException when the socket timeout does not exceed the statement
   *     timeout
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public static JooqDatabase open(String target, String jdbcUrl, Properties driverProperties,
      PoolSettings settings, PostgresConnectionSettings connection, MigrationLogin migration) {
    Properties properties = new Properties();
    properties.putAll(driverProperties);
    properties.putIfAbsent("ApplicationName", "appdb");
    connection.applyTo(properties, settings.statementTimeout());
    Properties migrating = new Properties();
    migrating.putAll(driverProperties);
    if (migration != null) {
      migrating.setProperty("user", migration.user());
      migrating.remove("password");
      if (migration.password() != null) {
        migrating.setProperty("password", migration.password());
      }
    }
    connection.applyConnectTo(migrating); // bounded set-up; a migration itself may run long
    ServerSessions sessions = new ServerSessions(connection.pooler() == Pooler.TRANSACTION,
        connection.unitSettings(settings.statementTimeout()), target);
    String role = migration == null ? null : migration.role();
    // migrations create objects as the schema's owner; a pooler in between is checked for
    DataSource migrations = new PreparingDataSource(migrationDataSource(jdbcUrl, migrating),
        opened -> sessions.migrating(opened, role));
    // the pool opens its connections through a data source, so that HikariCP never holds the
    // credentials or the sslpassword (and never prints them in its DEBUG configuration dump)
    DataSource connections = unpooled(jdbcUrl, properties, sessions);
    return new JooqDatabase(new ConnectionPool(target, connections, settings),
        new PostgresDialect(sessions), Duration.ZERO, migrations);
  }

  /**
   * Uses a pool the service already has. appdb cannot set the server's
   * {@code statement_timeout} on connections it does not open, so it times statements out with
   * the JDBC query timeout instead (a cancel request; set {@code options=-c statement_timeout=...}
   * and {@code socketTimeout} on the service's pool to bound a stalled network too). Migrations
   * run through the same pool, so it needs two free connections while they run.
   *
   * @param target where the pool connects, for messages; must not hold a password
   * @param dataSource the service's pool of PostgreSQL connections, in auto-commit mode; never
   *     null; not closed by appdb
   * @param poolTimeout the pool's checkout timeout, for messages
   * @param statementTimeout the JDBC query timeout of every statement, at least 1 s
   * @return the database over that pool (not migrated)
   * @throws IllegalArgumentException when the statement timeout is under 1 s
   */
  public static JooqDatabase adopt(String target, DataSource dataSource, Duration poolTimeout,
      Duration statementTimeout) {
    if (statementTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "the statement timeout must be at least 1 s, was " + statementTimeout.toMillis() + " ms");
    }
    // a transaction pooler behind the service's pool: appdb's units then name no statement
    ServerSessions sessions = new ServerSessions(false, null, target);
    try (Connection first = dataSource.getConnection()) {
      sessions.opened(first);
    } catch (SQLException e) {
      throw ConnectionPool.unavailable(target, e, e);
    }
    return new JooqDatabase(ConnectionPool.adopt(target, dataSource, poolTimeout),
        new PostgresDialect(sessions), statementTimeout, dataSource);
  }

  /**
   * A plain, unpooled data source for Flyway, which holds one connection for its lock while it
   * migrates on another: run from the application's pool it would need two free connections.
   * Migrations may also run as a different role than the application (pass that role's
   * credentials here).
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param driverProperties pgjdbc properties, credentials included; copied
   * @return the data source, opening a new connection on every call
   * @throws IllegalArgumentException when a property is not a pgjdbc connection property
   */
  public static DataSource migrationDataSource(String jdbcUrl, Properties driverProperties) {
    Properties properties = new Properties();
    properties.putAll(driverProperties);
    properties.setProperty("ApplicationName", "appdb-migrations");
    return unpooled(jdbcUrl, properties);
  }

  /**
   * A plain, unpooled data source with exactly these properties, for one-off administrative
   * connections (provisioning); nothing but pgjdbc sees the credentials.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param driverProperties pgjdbc properties, credentials included; copied
   * @return the data source, opening a new connection on every call
   * @throws IllegalArgumentException when a property is not a pgjdbc connection property
   */
  public static DataSource connections(String jdbcUrl, Properties driverProperties) {
    return unpooled(jdbcUrl, driverProperties);
  }

  private static DataSource unpooled(String jdbcUrl, Properties driverProperties) {
    return unpooled(jdbcUrl, driverProperties, null);
  }

  private static DataSource unpooled(String jdbcUrl, Properties driverProperties,
      ServerSessions sessions) {
    for (String name : driverProperties.stringPropertyNames()) {
      if (PGProperty.forName(name) == null) {
        throw new IllegalArgumentException("not a pgjdbc connection property: " + name);
      }
    }
    return new DriverConnections(jdbcUrl, driverProperties, sessions);
  }
}
