package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A migrated SQLite file in a temporary folder, opened through {@link SqliteDatabase}. */
final class SqliteTestDatabase implements DatabaseUnderTest {

  private final JooqDatabase database;
  private final Path file;

  private SqliteTestDatabase(JooqDatabase database, Path file) {
    this.database = database;
    this.file = file;
  }

  static SqliteTestDatabase open(int poolSize) {
    return open(poolSize, Duration.ofSeconds(10));
  }

  /**
   * @param poolSize connections, no overflow
   * @param poolTimeout checkout timeout, also SQLite's busy timeout
   * @return a fresh, migrated database file
   */
  static SqliteTestDatabase open(int poolSize, Duration poolTimeout) {
    return open(poolSize, poolTimeout, Duration.ofSeconds(30));
  }

  /**
   * @param poolSize connections, no overflow
   * @param poolTimeout checkout timeout, also SQLite's busy timeout
   * @param statementTimeout how long one statement may run
   * @return a fresh, migrated database file
   */
  static SqliteTestDatabase open(int poolSize, Duration poolTimeout, Duration statementTimeout) {
    try {
      Path file = Files.createTempDirectory("appdb-sqlite-").resolve("test.db");
      PoolSettings settings = new PoolSettings(poolSize, 0, poolTimeout,
          Duration.ofMinutes(30), Duration.ofMinutes(10), statementTimeout);
      JooqDatabase database = SqliteDatabase.open(file, settings);
      new Migrator(SqliteDatabase.migrationDataSource(file, Duration.ofSeconds(10)),
          DatabaseVendor.SQLITE).migrate();
      return new SqliteTestDatabase(database, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JooqDatabase database() {
    return database;
  }

  Path file() {
    return file;
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
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet serviceTables = connection.getMetaData().getTables(null, null, "notes",
          null)) {
        if (serviceTables.next()) { // a service's table referring to the users goes first
          statement.executeUpdate("DELETE FROM notes");
        }
      }
      statement.executeUpdate("DELETE FROM user_identities");
      statement.executeUpdate("DELETE FROM users");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Renames the table away; SQLite follows the rename in the other table's foreign key. */
  @Override
  public Fault failStatementsOn(String table) {
    String away = table + "_unavailable";
    execute("ALTER TABLE " + table + " RENAME TO " + away);
    return () -> execute("ALTER TABLE " + away + " RENAME TO " + table);
  }

  /** @return false: a writing unit holds SQLite's write lock from its start */
  @Override
  public boolean locksRowsWithAStatement() {
    return false;
  }

  /** @param sql a statement to run on the database, e.g. a service's {@code CREATE TABLE} */
  void execute(String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
