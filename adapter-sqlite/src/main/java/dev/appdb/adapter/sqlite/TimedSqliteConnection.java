package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.spi.StatementClock;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.ProgressHandler;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A sqlite-jdbc connection whose statements appdb's units of work can time out: SQLite calls its
 * progress handler every {@value #STEPS_PER_CHECK} virtual-machine steps of a running statement,
 * and the handler interrupts the statement ({@code SQLITE_INTERRUPT}) once the clock started for
 * it has run past the statement timeout. sqlite-jdbc's own JDBC query timeout only bounds how
 * long a statement waits for a lock, not how long it runs.
 */
final class TimedSqliteConnection extends JDBC4Connection implements StatementClock {

  /**
   * How often a running statement looks at the clock, in SQLite virtual-machine steps: a
   * single-row statement takes fewer and never pays for a look.
   */
  static final int STEPS_PER_CHECK = 10_000;

  private final long timeoutNanos;
  private volatile boolean running;
  private volatile long startedAt;
  /** Whether {@code PRAGMA query_only} is on; changed by one pool borrower at a time. */
  private boolean queryOnly;

  /**
   * @param url the JDBC URL, {@code jdbc:sqlite:<file>}
   * @param file the database file's path as the URL gives it
   * @param properties the connection's pragmas, as sqlite-jdbc takes them
   * @param timeoutNanos the statement timeout in nanoseconds, positive
   * @throws SQLException when the file cannot be opened
   */
  TimedSqliteConnection(String url, String file, Properties properties, long timeoutNanos)
      throws SQLException {
    super(url, file, properties);
    this.timeoutNanos = timeoutNanos;
    try {
      ProgressHandler.setHandler(this, STEPS_PER_CHECK, new ProgressHandler() {
        @Override
        protected int progress() {
          return running && System.nanoTime() - startedAt > timeoutNanos ? 1 : 0;
        }
      });
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  @Override
  public void start() {
    startedAt = System.nanoTime();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  /**
   * Switches {@code PRAGMA query_only} when it is not already as asked: it stays as the last unit
   * of work left it, so units of the same kind in a row (every read of a read-heavy service) pay
   * nothing for it. One native {@code sqlite3_exec} call, no JDBC statement.
   *
   * @param on true for a read-only unit of work, false for a read-write unit or any other use
   * @throws SQLException when SQLite refuses (a closed connection)
   */
  void queryOnly(boolean on) throws SQLException {
    if (queryOnly != on) {
      getDatabase()._exec(on ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
      queryOnly = on;
    }
  }

  /** Unregisters the progress handler (the driver holds it by a JNI reference), then closes. */
  @Override
  public void close() throws SQLException {
    if (!isClosed()) {
      try {
        ProgressHandler.clearHandler(this);
      } catch (SQLException alreadyBroken) {
        // closing frees the database handle and with it whatever the handler held
      }
    }
    super.close();
  }
}
