package dev.appdb.adapter.jooq;

import dev.appdb.adapter.jooq.internal.postgres.PostgresDatabase;
import dev.appdb.adapter.jooq.internal.postgres.PostgresDialect;
import dev.appdb.adapter.jooq.internal.transaction.SqlErrorTranslator;
import dev.appdb.adapter.jooq.spi.ConnectionPool;
import dev.appdb.adapter.jooq.spi.DatabaseProvider;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.migrations.DatabaseVendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * Opens appdb's database, the same code for SQLite and PostgreSQL: which one is the URL's
 * business alone. PostgreSQL is built in; SQLite needs {@code appdb-adapter-sqlite} on the class
 * path (found through {@link DatabaseProvider}).
 *
 * <pre>{@code
 * try (JooqDatabase database = Databases.open(System.getenv("DATABASE_URL"))) {
 *   database.register(OrderRepository.class, JooqOrderRepository::new);
 *   database.migrate(List.of(ORDERS));
 *   database.transactions().inTransaction(tx -> ...);
 * }
 * }</pre>
 */
public final class Databases {

  private Databases() {}

  /**
   * Opens the URL's database with the production defaults of {@link DatabaseSettings#of}.
   *
   * @param databaseUrl a {@code DATABASE_URL} in any form appdb reads
   * @return the open database (not migrated: call {@link JooqDatabase#migrate})
   * @throws dev.appdb.adapter.jooq.InvalidDatabaseUrlException when the URL is malformed
   * @throws IllegalStateException when the URL names SQLite and appdb-adapter-sqlite is not on
   *     the class path
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public static JooqDatabase open(String databaseUrl) {
    return open(DatabaseSettings.of(databaseUrl));
  }

  /**
   * @param settings where and how
   * @return the open database (not migrated: call {@link JooqDatabase#migrate})
   * @throws IllegalArgumentException when a setting is inconsistent (e.g. the socket timeout
   *     does not exceed the statement timeout), naming it
   * @throws IllegalStateException when the target is SQLite and appdb-adapter-sqlite is not on
   *     the class path, or the jOOQ on the class path is not the one appdb is tested with
   *     (naming both versions and the fix)
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public static JooqDatabase open(DatabaseSettings settings) {
    Objects.requireNonNull(settings, "settings");
    JooqRuntime.requireTested();
    if (settings.target() instanceof PostgresTarget postgres) {
      PostgresConnectionSettings connection = settings.postgres();
      Pooler fromUrl = postgres.pooler();
      if (fromUrl != null && fromUrl != connection.pooler()) {
        if (connection.pooler() != Pooler.NONE) {
          throw new IllegalArgumentException("the URL's pooler=" + fromUrl.key()
              + " contradicts database.pooler=" + connection.pooler().key());
        }
        connection = connection.withPooler(fromUrl);
      }
      return PostgresDatabase.open(postgres.display(), postgres.jdbcUrl(),
          postgres.driverProperties(), settings.pool(), connection, settings.migration());
    }
    SqliteTarget sqlite = (SqliteTarget) settings.target();
    return provider(DatabaseVendor.SQLITE, sqlite.display()).open(settings);
  }

  /**
   * Uses a pool the service already has (Spring's, Quarkus's, its own HikariCP) instead of
   * building one; the vendor is read from the first connection. appdb neither configures nor
   * closes that pool; see {@link PostgresDatabase#adopt} for what it cannot bound then.
   *
   * @param dataSource the service's pool
   * @param target where it connects, for messages and logs, e.g. {@code postgresql://db/app};
   *     never a password
   * @param statementTimeout the JDBC query timeout of every statement, at least 1 s, e.g.
   *     {@link PoolSettings#DEFAULT_STATEMENT_TIMEOUT}
   * @return the database over that pool (not migrated)
   * @throws DatabaseUnavailableException when no connection can be had to read the vendor
   * @throws IllegalArgumentException when the database is neither PostgreSQL nor SQLite, or the
   *     pool's connections are unfit (named in the message)
   * @throws IllegalStateException when it is SQLite and appdb-adapter-sqlite is not on the
   *     class path, or the jOOQ on the class path is not the one appdb is tested with
   */
  public static JooqDatabase adopt(DataSource dataSource, String target,
      Duration statementTimeout) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    JooqRuntime.requireTested();
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw ConnectionPool.unavailable(target, e, e);
    }
    Duration poolTimeout = PoolSettings.DEFAULT_POOL_TIMEOUT;
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.equals("postgresql")) {
      return PostgresDatabase.adopt(target, dataSource, poolTimeout, statementTimeout);
    }
    if (name.equals("sqlite")) {
      return provider(DatabaseVendor.SQLITE, target)
          .adopt(target, dataSource, poolTimeout, statementTimeout);
    }
    throw new IllegalArgumentException("the data source for " + target + " is " + product
        + "; appdb works with PostgreSQL and SQLite");
  }

  private static DatabaseProvider provider(DatabaseVendor vendor, String target) {
    for (DatabaseProvider provider : ServiceLoader.load(DatabaseProvider.class,
        Databases.class.getClassLoader())) {
      if (provider.vendor() == vendor) {
        return provider;
      }
    }
    throw new IllegalStateException(target + " is a SQLite database: add the dependency"
        + " dev.appdb:appdb-adapter-sqlite to the class path");
  }

  /**
   * One administrative connection to a PostgreSQL server, outside any pool, for operators' tools
   * (provisioning, backups): the target's credentials and TLS settings, the connect, login and
   * socket timeouts of {@code network}, no appdb session settings. The caller closes it.
   *
   * @param target the server, database and credentials
   * @param network the connect, login and socket timeouts and keepalive
   * @param applicationName what the server shows as {@code application_name}, e.g.
   *     {@code appdb-provision}
   * @return an open connection in autocommit mode
   * @throws SQLException when the server cannot be reached or refuses the login (translate it
   *     with {@link #postgresFailure})
   * @throws IllegalArgumentException when the target carries a property pgjdbc does not know
   */
  public static Connection administrativeConnection(PostgresTarget target,
      PostgresConnectionSettings network, String applicationName) throws SQLException {
    Objects.requireNonNull(applicationName, "applicationName");
    Properties properties = target.driverProperties();
    network.applyConnectTo(properties);
    properties.setProperty("ApplicationName", applicationName);
    properties.putIfAbsent("logServerErrorDetail", "false");
    return PostgresDatabase.connections(target.jdbcUrl(), properties).getConnection();
  }

  /**
   * @param failure what pgjdbc threw on an {@link #administrativeConnection}
   * @return the domain error appdb reports for it (the same as inside a unit of work, e.g.
   *     {@code DatabaseUnavailableException}, {@code MissingPrivilegeException}); never a
   *     password in its message
   */
  public static RuntimeException postgresFailure(SQLException failure) {
    return new SqlErrorTranslator(new PostgresDialect()).translate(failure);
  }
}
