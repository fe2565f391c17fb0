package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.spi.WriterTurn;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The order in which the read-write units of work of one appdb pool take SQLite's write lock,
 * each waiting at most the busy timeout. SQLite's own busy handler polls (sleeps and retries), so
 * under contention a waiter can be passed over by later ones until its timeout. Here a writer
 * that finds the lock free takes it at once (a writer that just ended may write again without
 * waking another thread: strict turns cost two thirds of the throughput of 4 writing threads),
 * but only while no waiter has waited longer than the patience ({@value #PATIENCE_MILLIS} ms, or
 * a quarter of the busy timeout if shorter); from then on writers queue first come, first served
 * until nobody is that late. Units of other processes (or another pool on the same file) still
 * meet SQLite's own locking.
 */
final class WriterQueue {

  /** How long a waiter lets newcomers pass before they must queue behind it. */
  static final long PATIENCE_MILLIS = 50;

  /** What the refusal of a turn says, for the dialect's explanation. */
  static final String NO_TURN = "no turn to write within the busy timeout";

  /** Fair among the threads it queues; {@code tryAcquire()} still takes a free permit at once. */
  private final Semaphore lock = new Semaphore(1, true);
  /** Waiters past their patience: while any, newcomers queue. */
  private final AtomicInteger late = new AtomicInteger();
  private final long timeoutNanos;
  private final long patienceNanos;

  /** @param busyTimeout how long a unit waits for its turn, positive */
  WriterQueue(Duration busyTimeout) {
    this.timeoutNanos = busyTimeout.toNanos();
    this.patienceNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS),
        timeoutNanos / 4);
  }

  /**
   * Waits for the next turn to write.
   *
   * @return the turn, to close when the unit has ended
   * @throws SQLiteException {@code SQLITE_BUSY} when the turn did not come within the busy
   *     timeout, or the thread was interrupted (its flag set again)
   */
  WriterTurn enter() throws SQLiteException {
    if (late.get() == 0 && lock.tryAcquire()) {
      return lock::release;
    }
    long start = System.nanoTime();
    try {
      if (lock.tryAcquire(patienceNanos, TimeUnit.NANOSECONDS)) {
        return lock::release;
      }
      late.incrementAndGet();
      try {
        long left = timeoutNanos - (System.nanoTime() - start);
        if (left > 0 && lock.tryAcquire(left, TimeUnit.NANOSECONDS)) {
          return lock::release;
        }
      } finally {
        late.decrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLiteException("interrupted while waiting for the write lock",
          SQLiteErrorCode.SQLITE_BUSY);
    }
    throw new SQLiteException(NO_TURN, SQLiteErrorCode.SQLITE_BUSY);
  }
}
