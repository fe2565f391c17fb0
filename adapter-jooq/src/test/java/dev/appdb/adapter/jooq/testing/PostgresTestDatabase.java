package dev.appdb.adapter.jooq.testing;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.internal.postgres.PostgresDatabase;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import dev.appdb.testing.PgBouncerServer;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/** A fresh, migrated database on the run's PostgreSQL server, opened through the adapter. */
public final class PostgresTestDatabase implements DatabaseUnderTest {

  private static PgBouncerServer bouncer;

  private final JooqDatabase database;
  private final String name;
  /** Where test set-up and faults go: the pool itself, or the server directly. */
  private final DataSource admin;

  private PostgresTestDatabase(JooqDatabase database, String name, DataSource admin) {
    this.database = database;
    this.name = name;
    this.admin = admin;
  }

  /**
   * A fresh, migrated database reached through the run's PgBouncer (transaction pooling, 2
   * server connections per database, SCRAM), opened with {@code pooler=transaction}; set-up and
   * faults go to the server directly.
   *
   * @param prefix readable prefix of the database name
   * @param poolSize connections in appdb's pool, no overflow
   * @param statementTimeout the pool's statement timeout, at least 1 s
   * @return the open, migrated database
   */
  public static PostgresTestDatabase openBehindPgBouncer(String prefix, int poolSize,
      Duration statementTimeout) {
    PostgresServer server = PostgresTestServer.get();
    PgBouncerServer pooler = pgBouncer(server);
    String name = PostgresTestServer.createDatabase(prefix);
    new Migrator(PostgresDatabase.migrationDataSource(server.jdbcUrl(name),
        server.adminProperties()), DatabaseVendor.POSTGRESQL).migrate();
    PoolSettings settings = new PoolSettings(poolSize, 0, Duration.ofSeconds(10),
        Duration.ofMinutes(30), Duration.ofMinutes(10), statementTimeout);
    String url = "postgresql://" + encode(server.adminUser()) + ":"
        + encode(server.adminPassword()) + "@" + pooler.host() + ":" + pooler.port() + "/" + name
        + "?pooler=transaction";
    JooqDatabase database = Databases.open(DatabaseSettings.of(url).withPool(settings));
    return new PostgresTestDatabase(database, name,
        PostgresDatabase.connections(server.jdbcUrl(name), server.adminProperties()));
  }

  /** @return the run's PgBouncer, started on first use and stopped when the JVM exits */
  public static synchronized PgBouncerServer pgBouncer(PostgresServer server) {
    if (bouncer == null) {
      bouncer = PgBouncerServer.start(server, server.adminUser(), server.adminPassword(),
          "transaction", 2, List.of("extra_float_digits"));
      PgBouncerServer started = bouncer;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-pgbouncer"));
    }
    return bouncer;
  }

  /**
   * @param prefix readable prefix of the database name
   * @param poolSize connections in the pool, no overflow
   * @return the open, migrated database
   */
  public static PostgresTestDatabase open(String prefix, int poolSize) {
    return open(prefix, poolSize, Duration.ofSeconds(30));
  }

  /**
   * @param prefix readable prefix of the database name
   * @param poolSize connections in the pool, no overflow
   * @param statementTimeout the pool's statement timeout, at least 1 s
   * @return the open, migrated database
   */
  public static PostgresTestDatabase open(String prefix, int poolSize,
      Duration statementTimeout) {
    PostgresServer server = PostgresTestServer.get();
    String name = PostgresTestServer.createDatabase(prefix);
    PoolSettings settings = new PoolSettings(poolSize, 0, Duration.ofSeconds(10),
        Duration.ofMinutes(30), Duration.ofMinutes(10), statementTimeout);
    JooqDatabase database = PostgresDatabase.open("postgresql://" + server.host() + ":"
        + server.port() + "/" + name, server.jdbcUrl(name), server.adminProperties(), settings);
    new Migrator(PostgresDatabase.migrationDataSource(server.jdbcUrl(name),
        server.adminProperties()), DatabaseVendor.POSTGRESQL).migrate();
    return new PostgresTestDatabase(database, name, null);
  }

  /** @return the adapter's database */
  public JooqDatabase database() {
    return database;
  }

  /** @return the database's name on the server */
  public String name() {
    return name;
  }

  @Override
  public Transactions transactions() {
    return database.transactions();
  }

  @Override
  public DatabaseProbe probe() {
    return database.probe();
  }

  @Override
  public void deleteAllRows() {
    try (Connection connection = adminConnection();
        Statement statement = connection.createStatement()) {
      // CASCADE: a service's tables that reference the users go too
      statement.execute("TRUNCATE app.user_identities, app.users CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @param sql a statement to run on the database, e.g. a service's {@code CREATE TABLE} */
  public void execute(String sql) {
    try (Connection connection = adminConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Fault failStatementsOn(String table) {
    try {
      return lockExclusively(adminConnection(), table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Takes {@code ACCESS EXCLUSIVE} on a table in a transaction of {@code blocker}'s own, so that
   * every other session's statement on it waits (and its statement timeout cancels it).
   *
   * @param blocker a connection of its own, closed by the returned fault (or now, on failure)
   * @param table a table of schema {@code app}
   * @return the fault; closing it rolls back and closes {@code blocker}
   */
  public static Fault lockExclusively(Connection blocker, String table) {
    try {
      try {
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement()) {
          statement.execute("LOCK TABLE app." + table + " IN ACCESS EXCLUSIVE MODE");
        }
      } catch (SQLException e) {
        blocker.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return () -> {
      try (blocker) {
        blocker.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Connection adminConnection() throws SQLException {
    return admin != null ? admin.getConnection() : database.dataSource().getConnection();
  }

  @Override
  public void close() {
    database.close();
  }
}
