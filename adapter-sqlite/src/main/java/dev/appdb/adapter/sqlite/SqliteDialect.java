package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.dialect.DatabaseDialect;
import dev.appdb.adapter.jooq.dialect.SqlErrorKind;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: no schemas (the generated classes' {@code app} is not rendered), errors classified by
 * SQLite's extended result codes (https://www.sqlite.org/rescode.html), and read-only units of
 * work that do not take the write lock.
 *
 * <p>Every pooled connection begins its transactions with {@code BEGIN IMMEDIATE}, so a writer
 * takes the lock up front and concurrent writers wait (busy timeout) instead of failing with
 * {@code SQLITE_BUSY} on a read-to-write upgrade. A read-only unit switches its connection to
 * {@code BEGIN DEFERRED} for its duration, so readers never queue behind writers (WAL lets them
 * read the last committed state). Writes in a read-only unit are refused by the repositories
 * before they reach SQLite.
 */
public final class SqliteDialect implements DatabaseDialect {

  @Override
  public SQLDialect sqlDialect() {
    return SQLDialect.SQLITE;
  }

  @Override
  public Settings adapt(Settings settings) {
    return settings.withRenderSchema(false);
  }

  @Override
  public SqlErrorKind classify(SQLException exception) {
    if (!(exception instanceof SQLiteException sqlite)) {
      return SqlErrorKind.OTHER;
    }
    SQLiteErrorCode code = sqlite.getResultCode();
    return switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> SqlErrorKind.UNIQUE_VIOLATION;
      case SQLITE_CONSTRAINT_FOREIGNKEY -> SqlErrorKind.FOREIGN_KEY_VIOLATION;
      case SQLITE_INTERRUPT -> SqlErrorKind.TIMEOUT;
      default -> classifyPrimary(code.code & 0xFF);
    };
  }

  /** Primary result codes: the low byte of the extended code. */
  private static SqlErrorKind classifyPrimary(int primary) {
    return switch (primary) {
      case 5, 6 -> SqlErrorKind.TIMEOUT; // SQLITE_BUSY, SQLITE_LOCKED after the busy timeout
      case 10, 11, 13, 14, 26 -> SqlErrorKind.UNAVAILABLE; // IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
      default -> SqlErrorKind.OTHER;
    };
  }

  @Override
  public void beginReadOnly(Connection connection) throws SQLException {
    connection.unwrap(SQLiteConnection.class).setCurrentTransactionMode(TransactionMode.DEFERRED);
  }

  @Override
  public void endReadOnly(Connection connection) throws SQLException {
    connection.unwrap(SQLiteConnection.class).setCurrentTransactionMode(TransactionMode.IMMEDIATE);
  }
}
