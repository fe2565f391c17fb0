package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.dialect.StatementClock;
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
