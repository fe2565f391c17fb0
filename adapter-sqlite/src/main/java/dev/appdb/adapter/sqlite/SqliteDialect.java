package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.spi.ConstraintViolation;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import dev.appdb.adapter.jooq.spi.SqlErrorKind;
import dev.appdb.adapter.jooq.spi.StatementClock;
import dev.appdb.adapter.jooq.spi.WriterTurn;
import dev.appdb.migrations.DatabaseVendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: no schemas (the generated classes' {@code app} is not rendered), errors classified by
 * SQLite's extended result codes (https://www.sqlite.org/rescode.html), and read-only units of
 * work that do not take the write lock.
 *
 * <p>Read-write units of work begin with {@code BEGIN IMMEDIATE}, so a writer takes the lock up
 * front and concurrent writers wait (busy timeout) instead of failing with {@code SQLITE_BUSY}
 * on a read-to-write upgrade. Read-only units begin with {@code BEGIN DEFERRED}, so readers never
 * queue behind writers (WAL lets them read the last committed state). Writes in a read-only unit
 * are refused by the repositories before they reach SQLite, and by SQLite itself for a statement
 * sent past them ({@code tx.dsl()}, {@code DSLContext.connection}): the connection is switched to
 * {@code PRAGMA query_only} for the unit. On appdb's own pool, read-write units take their turn
 * for the write lock in arrival order ({@link WriterQueue}) before SQLite's own busy wait.
 */
final class SqliteDialect implements DatabaseDialect {

  /** How SQLite introduces the columns of a broken unique or primary key. */
  private static final String UNIQUE_PREFIX = "UNIQUE constraint failed: ";

  /** The order of this pool's writers; null for a pool appdb did not open. */
  private final WriterQueue writers;

  /** For a pool the service handed over: its writers meet SQLite's own locking only. */
  public SqliteDialect() {
    this(null);
  }

  /** @param writers the order of the pool's read-write units, may be null */
  SqliteDialect(WriterQueue writers) {
    this.writers = writers;
  }

  @Override
  public DatabaseVendor vendor() {
    return DatabaseVendor.SQLITE;
  }

  @Override
  public SQLDialect sqlDialect() {
    return SQLDialect.SQLITE;
  }

  @Override
  public Settings adapt(Settings settings) {
    return settings.withRenderSchema(false);
  }

  /** @return true: every writing unit of work begins with {@code BEGIN IMMEDIATE} */
  @Override
  public boolean writersExcludeEachOther() {
    return true;
  }

  @Override
  public SqlErrorKind classify(SQLException exception) {
    if (!(exception instanceof SQLiteException sqlite)) {
      return SqlErrorKind.OTHER;
    }
    SQLiteErrorCode code = sqlite.getResultCode();
    if (code == SQLiteErrorCode.SQLITE_ERROR && sqlite.getMessage() != null
        && sqlite.getMessage().contains("no such table")) {
      return SqlErrorKind.SCHEMA_MISSING;
    }
    return switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> SqlErrorKind.UNIQUE_VIOLATION;
      case SQLITE_CONSTRAINT_FOREIGNKEY -> SqlErrorKind.FOREIGN_KEY_VIOLATION;
      case SQLITE_INTERRUPT -> SqlErrorKind.TIMEOUT;
      default -> classifyPrimary(code.code & 0xFF);
    };
  }

  /**
   * The kind from the extended result code. SQLite names no constraint; for a unique or primary
   * key it lists the columns, in the one fixed form {@code UNIQUE constraint failed: t.a, t.b}
   * (sqlite3.c, {@code sqlite3UniqueConstraint}), which this reads as table and columns, or, for
   * a unique index on expressions, {@code UNIQUE constraint failed: index 'name'}, which names
   * the index; a foreign-key failure carries neither.
   */
  @Override
  public ConstraintViolation violation(SQLException exception) {
    SqlErrorKind kind = classify(exception);
    if (kind == SqlErrorKind.FOREIGN_KEY_VIOLATION) {
      return new ConstraintViolation(kind, null, null, List.of());
    }
    if (kind != SqlErrorKind.UNIQUE_VIOLATION) {
      return null;
    }
    String message = exception.getMessage() == null ? "" : exception.getMessage();
    int start = message.indexOf(UNIQUE_PREFIX);
    if (start < 0) {
      return new ConstraintViolation(kind, null, null, List.of());
    }
    String list = message.substring(start + UNIQUE_PREFIX.length());
    if (list.startsWith("index '")) { // a unique index on expressions: SQLite names the index
      int close = list.indexOf('\'', "index '".length());
      String index = close < 0 ? null : list.substring("index '".length(), close);
      return new ConstraintViolation(kind, index, null, List.of());
    }
    int end = list.indexOf(')');
    String table = null;
    List<String> columns = new ArrayList<>();
    for (String qualified : (end < 0 ? list : list.substring(0, end)).split(",")) {
      int dot = qualified.strip().lastIndexOf('.');
      if (dot > 0) {
        table = qualified.strip().substring(0, dot);
        columns.add(qualified.strip().substring(dot + 1));
      }
    }
    return new ConstraintViolation(kind, null, table, columns);
  }

  /** One sentence per result code that an operator meets, by primary code. */
  @Override
  public String explain(SQLException exception) {
    if (!(exception instanceof SQLiteException sqlite)) {
      return null;
    }
    return switch (sqlite.getResultCode().code & 0xFF) {
      case 5, 6 -> String.valueOf(sqlite.getMessage()).contains(WriterQueue.NO_TURN)
          ? "other units of work of this process held the write lock; waited the busy timeout"
              + " (pool.timeout-seconds) for this one's turn"
          : "the SQLite file is locked by another connection or process; waited the busy"
              + " timeout (pool.timeout-seconds) for it";
      case 9 -> "the statement was interrupted: it ran longer than the statement timeout"
          + " (pool.statement-timeout-seconds), or it was cancelled";
      case 8 -> "the SQLite file is read-only: the process needs write access to the file and"
          + " to its folder (SQLite writes its -wal and -shm files beside it)";
      case 10 -> "disk I/O error on the SQLite file";
      case 11, 26 -> "the SQLite file is corrupt or not a database";
      case 13 -> "the disk holding the SQLite file is full";
      case 14 -> "cannot open the SQLite file: its folder must exist and be writable";
      default -> null;
    };
  }

  /** Primary result codes: the low byte of the extended code. */
  private static SqlErrorKind classifyPrimary(int primary) {
    return switch (primary) {
      case 5, 6 -> SqlErrorKind.TIMEOUT; // SQLITE_BUSY, SQLITE_LOCKED after the busy timeout
      case 10, 13 -> SqlErrorKind.UNAVAILABLE; // IOERR, FULL: may pass
      // PERM, READONLY, CORRUPT, CANTOPEN, NOTADB: last until someone fixes the file
      case 3, 8, 11, 14, 26 -> SqlErrorKind.ACCESS_REFUSED;
      default -> SqlErrorKind.OTHER;
    };
  }

  /**
   * @return the connection's own clock when appdb opened it ({@link SqliteDatabase#open}), which
   *     interrupts a statement running past the statement timeout; null for a connection of a
   *     pool the service handed over, whose statements are bounded by the JDBC query timeout
   *     (which sqlite-jdbc applies to lock waits only)
   */
  @Override
  public StatementClock statementClock(Connection connection) {
    try {
      return own(connection);
    } catch (SQLException unusable) {
      return null; // the unit's first statement reports what is wrong with the connection
    }
  }

  /**
   * {@code BEGIN IMMEDIATE} for read-write units (the write lock up front), {@code BEGIN DEFERRED}
   * for read-only ones, issued as SQL on a connection that stays in JDBC auto-commit mode.
   * sqlite-jdbc's own JDBC transactions begin the next transaction as soon as one ends, which
   * would keep the write lock on idle pooled connections.
   */
  @Override
  public void begin(Connection connection, boolean readOnly) throws SQLException {
    TimedSqliteConnection own = own(connection);
    if (own != null) {
      own.queryOnly(readOnly);
    } else if (readOnly) {
      execute(connection, "PRAGMA query_only = 1");
    }
    execute(connection, readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
  }

  /**
   * On appdb's own pool, waits for this unit's turn among the pool's writers (arrival order, at
   * most the busy timeout) before it takes a connection: a waiting writer holds none.
   */
  @Override
  public WriterTurn awaitWriterTurn() throws SQLException {
    return writers == null ? null : writers.enter();
  }

  /**
   * Clears {@code query_only} after a read-only unit on a connection of a pool the service handed
   * over. appdb's own connections keep it until a read-write unit or {@link #outsideUnits} clears
   * it: as two JDBC statements per read-only unit it cost 10% of the throughput of 32 threads
   * reading by id, and 5% as native calls.
   */
  @Override
  public void afterTransaction(Connection connection, boolean readOnly) throws SQLException {
    if (readOnly && own(connection) == null) {
      execute(connection, "PRAGMA query_only = 0");
    }
  }

  /** Clears {@code query_only} that a read-only unit left on one of appdb's own connections. */
  @Override
  public void outsideUnits(Connection connection) throws SQLException {
    TimedSqliteConnection own = own(connection);
    if (own != null) {
      own.queryOnly(false);
    }
  }

  /**
   * @return true for {@code SQLITE_READONLY} (8) and its extended codes: in a read-only unit,
   *     {@code query_only} refused a write
   */
  @Override
  public boolean refusedAsReadOnly(SQLException exception) {
    return exception instanceof SQLiteException sqlite
        && (sqlite.getResultCode().code & 0xFF) == 8;
  }

  /** @return the connection as appdb's own (opened by {@link SqliteDatabase}), else null */
  private static TimedSqliteConnection own(Connection connection) throws SQLException {
    return connection.isWrapperFor(TimedSqliteConnection.class)
        ? connection.unwrap(TimedSqliteConnection.class) : null;
  }

  /**
   * @return false: SQLite does not abort a transaction when a statement fails (appdb's own
   *     tracking of failed statements makes such a unit roll back)
   */
  @Override
  public boolean transactionAborted(Connection connection) {
    return false;
  }

  /**
   * @return false: SQLite commits in this process; a failed {@code COMMIT} left the transaction
   *     open or rolled it back, and the rollback that follows ends it
   */
  @Override
  public boolean commitOutcomeUnknown(SQLException failure) {
    return false;
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
  }

  /**
   * {@code ROLLBACK}; when it fails because SQLite already ended the transaction itself (it does
   * so when it interrupts a write, e.g. at the statement timeout, and after some I/O, full-disk
   * and out-of-memory errors; https://www.sqlite.org/lang_transaction.html), the connection is
   * sound and nothing is left to undo. Whether a transaction is still open is asked of SQLite, not
   * read from the message: a {@code BEGIN} succeeds only outside one (and is rolled back at once).
   *
   * @throws SQLException when the rollback failed and a transaction is still open, or SQLite
   *     cannot tell
   */
  @Override
  public void rollback(Connection connection) throws SQLException {
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException failed) {
      try {
        execute(connection, "BEGIN DEFERRED");
      } catch (SQLException stillInTransaction) {
        failed.addSuppressed(stillInTransaction);
        throw failed;
      }
      execute(connection, "ROLLBACK"); // the transaction had ended; this ends the probe's
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
