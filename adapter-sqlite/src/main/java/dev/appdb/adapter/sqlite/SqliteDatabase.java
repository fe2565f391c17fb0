package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.spi.Causes;
import dev.appdb.adapter.jooq.spi.ConnectionPool;
import dev.appdb.adapter.jooq.spi.SqlErrorKind;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig.Pragma;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a SQLite database file through sqlite-jdbc and HikariCP. Every pooled connection, also
 * ones opened later to replace evicted ones, gets the same settings through the driver's
 * properties (not an init SQL string):
 * <ul>
 *   <li>{@code foreign_keys=true}: SQLite ignores foreign keys unless each connection asks;</li>
 *   <li>{@code journal_mode=WAL}: readers do not block the writer nor the writer the readers;</li>
 *   <li>{@code synchronous=NORMAL}: durable at every checkpoint, the recommended level for WAL;</li>
 *   <li>{@code busy_timeout}: a writer waits up to the pool's checkout timeout for the lock;</li>
 *   <li>{@code transaction_mode=IMMEDIATE}: JDBC transactions on the pool take the write lock at
 *       {@code BEGIN} (appdb's own units of work issue {@code BEGIN IMMEDIATE} or, read-only,
 *       {@code BEGIN DEFERRED} themselves, see {@code SqliteDialect}).</li>
 * </ul>
 * A statement of a unit of work that runs longer than the statement timeout is interrupted and
 * fails with {@code QueryTimeoutException} (SQLite's progress handler; sqlite-jdbc's JDBC query
 * timeout bounds only lock waits).
 */
public final class SqliteDatabase {

  private SqliteDatabase() {}

  /**
   * @param file the database file; created when missing, its folder must exist
   * @param settings pool sizes and timeouts
   * @return the open database (not migrated)
   * @throws DatabaseUnavailableException when the file cannot be opened, saying why in one
   *     sentence (missing folder, read-only file, not a database, ...)
   */
  public static JooqDatabase open(Path file, PoolSettings settings) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new DatabaseUnavailableException("cannot open the SQLite file " + file
          + ": its folder " + folder + " does not exist", null, false);
    }
    Properties properties = baseSettings(settings.poolTimeout());
    properties.setProperty(Pragma.TRANSACTION_MODE.pragmaName, "IMMEDIATE");
    SqliteDialect dialect = new SqliteDialect(new WriterQueue(settings.poolTimeout()));
    ConnectionPool pool;
    try {
      pool = new ConnectionPool("sqlite:" + file,
          new TimedSqliteDataSource(file, properties, settings.statementTimeout()), settings);
    } catch (DatabaseUnavailableException e) {
      SQLException cause = sqlException(e);
      String explained = cause == null ? null : dialect.explain(cause);
      if (explained == null) {
        throw e;
      }
      // read-only, unopenable, not a database: lasts until someone fixes the file
      throw new DatabaseUnavailableException("cannot open " + file + ": " + explained, e,
          dialect.classify(cause) != SqlErrorKind.ACCESS_REFUSED);
    }
    // no JDBC query timeout: every connection times its own statements (TimedSqliteConnection)
    return new JooqDatabase(pool, dialect, Duration.ZERO,
        migrationDataSource(file, settings.poolTimeout()),
        new SqliteMigrationLock(file, settings.poolTimeout()));
  }

  /**
   * Uses a pool of SQLite connections the service already has. Its connections must enforce
   * foreign keys ({@code SQLiteConfig.enforceForeignKeys(true)}), or appdb's and the service's
   * foreign keys would silently hold nothing, and should leave SQLite's default
   * {@code BEGIN DEFERRED} (appdb's units begin their own transactions; Flyway, which runs
   * through the same pool, holds one connection's transaction while it works on another).
   *
   * @param target where the pool connects, for messages, e.g. {@code sqlite:./app.db}
   * @param dataSource the service's pool, in auto-commit mode; not closed by appdb
   * @param poolTimeout the pool's checkout timeout, for messages, and how long a migration waits
   *     for another process's on the same file
   * @param statementTimeout the JDBC query timeout of every statement, at least 1 s.
   *     sqlite-jdbc applies it to lock waits only: a statement that runs long on an adopted pool
   *     is not interrupted
   * @return the database over that pool (not migrated)
   * @throws IllegalArgumentException when the statement timeout is under 1 s or the pool's
   *     connections do not enforce foreign keys
   * @throws DatabaseUnavailableException when no connection can be checked out to check that
   */
  public static JooqDatabase adopt(String target, DataSource dataSource, Duration poolTimeout,
      Duration statementTimeout) {
    if (statementTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "the statement timeout must be at least 1 s, was " + statementTimeout.toMillis() + " ms");
    }
    ConnectionPool pool = ConnectionPool.adopt(target, dataSource, poolTimeout);
    SqliteDialect dialect = new SqliteDialect();
    String file;
    try (Connection connection = pool.checkout();
        Statement statement = connection.createStatement()) {
      try (ResultSet foreignKeys = statement.executeQuery("PRAGMA foreign_keys")) {
        if (!foreignKeys.next() || foreignKeys.getInt(1) != 1) {
          throw new IllegalArgumentException("the SQLite data source for " + target
              + " must enforce foreign keys (sqlite-jdbc: SQLiteConfig.enforceForeignKeys(true),"
              + " or foreign_keys=true in its properties)");
        }
      }
      // the main database's file: empty for an in-memory or temporary database
      try (ResultSet databases = statement.executeQuery(
          "SELECT file FROM pragma_database_list WHERE name = 'main'")) {
        file = databases.next() ? databases.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot check the SQLite data source for " + target
          + ": " + e.getMessage(), e,
          dialect.classify(e) != SqlErrorKind.ACCESS_REFUSED);
    }
    // processes and pools on one file take turns to migrate, as with a pool appdb opens
    JooqDatabase.MigrationLock lock = file == null || file.isEmpty()
        ? JooqDatabase.MigrationLock.NONE : new SqliteMigrationLock(Path.of(file), poolTimeout);
    return new JooqDatabase(pool, dialect, statementTimeout, dataSource, lock);
  }

  private static SQLException sqlException(Throwable failure) {
    return Causes.first(failure, SQLException.class).orElse(null);
  }

  /**
   * A plain, unpooled data source for Flyway: the same settings but SQLite's default
   * {@code BEGIN DEFERRED}, because Flyway holds one connection's transaction open while it works
   * on another, which {@code BEGIN IMMEDIATE} would turn into a lock wait on itself.
   *
   * @param file the database file
   * @param busyTimeout how long to wait for another process's write lock
   * @return the data source, opening a new connection on every call
   */
  public static DataSource migrationDataSource(Path file, Duration busyTimeout) {
    SQLiteDataSource dataSource = new SQLiteDataSource(new SQLiteConfig(baseSettings(busyTimeout)));
    dataSource.setUrl(jdbcUrl(file));
    return dataSource;
  }

  /** @return the sqlite-jdbc URL of {@code file} */
  static String jdbcUrl(Path file) {
    return "jdbc:sqlite:" + Objects.requireNonNull(file, "file");
  }

  private static Properties baseSettings(Duration busyTimeout) {
    Properties properties = new Properties();
    properties.setProperty(Pragma.FOREIGN_KEYS.pragmaName, "true");
    properties.setProperty(Pragma.JOURNAL_MODE.pragmaName, "WAL");
    properties.setProperty(Pragma.SYNCHRONOUS.pragmaName, "NORMAL");
    properties.setProperty(Pragma.BUSY_TIMEOUT.pragmaName, Long.toString(busyTimeout.toMillis()));
    return properties;
  }
}
