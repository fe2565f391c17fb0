package dev.appdb.adapter.sqlite;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import dev.appdb.adapter.jooq.dialect.WriterTurn;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The order in which the read-write units of work of one appdb pool take SQLite's write lock:
 * first come, first served, each waiting at most the busy timeout. SQLite's own busy handler
 * polls (sleeps and retries), so under contention a waiter can be passed over by later ones until
 * its timeout; in this queue a unit waits only for those that came before it. Units of other
 * processes (or another pool on the same file) still meet SQLite's own locking.
 */
final class WriterQueue {

  /** What the refusal of a turn says, for the dialect's explanation. */
  static final String NO_TURN = "no turn to write within the busy timeout";

  private final Semaphore lock = new Semaphore(1, true);
  private final long timeoutNanos;

  /** @param busyTimeout how long a unit waits for its turn, positive */
  WriterQueue(Duration busyTimeout) {
    this.timeoutNanos = busyTimeout.toNanos();
  }

  /**
   * Waits for the next turn to write.
   *
   * @return the turn, to close when the unit has ended
   * @throws SQLiteException {@code SQLITE_BUSY} when the turn did not come within the busy
   *     timeout, or the thread was interrupted (its flag set again)
   */
  WriterTurn enter() throws SQLiteException {
    boolean entered;
    try {
      entered = lock.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLiteException("interrupted while waiting for the write lock",
          SQLiteErrorCode.SQLITE_BUSY);
    }
    if (!entered) {
      throw new SQLiteException(NO_TURN, SQLiteErrorCode.SQLITE_BUSY);
    }
    return lock::release;
  }
}
