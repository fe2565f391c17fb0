package dev.appdb.application.fake;

import dev.appdb.application.port.TransactionalWork;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The unit-of-work port in memory, for tests of the use cases without a database: the users'
 * and identity links' stores with the adapters' documented behaviour (the same suites in
 * {@code dev.appdb.application.contract} run against it), and the unit-of-work rules of
 * {@link Transactions}.
 *
 * <ul>
 *   <li>A unit commits when its work returns and rolls back (every change discarded) when it
 *       throws; what it threw passes through unchanged.</li>
 *   <li>Isolation: copy-on-write snapshots. A unit reads the rows committed when it began; a
 *       read-write unit writes to its own copy, published as a whole on commit. Read-write units
 *       take turns (one at a time, in arrival order, as on SQLite), so they never conflict and a
 *       writer always starts from the latest commit; readers never wait. A writer waits at most
 *       the writer timeout for its turn, then fails with {@link QueryTimeoutException}. A
 *       read-write unit opened inside another on the same thread would wait for itself, so it is
 *       refused at once with {@link IllegalStateException}.</li>
 *   <li>Read-only units refuse every write (and {@code lockAll}) with
 *       {@link IllegalStateException} naming "read-only".</li>
 *   <li>Rollback-only: once a port call threw, whatever the error, every later port call of the
 *       unit throws {@link IllegalStateException} naming the first error, and a unit whose work
 *       returns normally anyway throws {@link IllegalStateException} ("rolled back") and commits
 *       nothing.</li>
 *   <li>A repository used after its unit ended throws {@link IllegalStateException} ("ended").</li>
 * </ul>
 *
 * <p>For tests, beyond the port: {@link #failStatementsOn} (a table made unavailable),
 * {@link #raceBeforeNextWrite} (a concurrent writer that commits between a unit's reads and its
 * first write), {@link #portCalls()} (every port call received) and the unit counts
 * {@link #commits()} and {@link #rollbacks()}. Thread-safe.
 */
public final class InMemoryTransactions implements Transactions {

  /** How long a read-write unit waits for its turn by default. */
  public static final Duration DEFAULT_WRITER_TIMEOUT = Duration.ofSeconds(30);

  /** The tables a fault can make unavailable, as the adapters name them. */
  static final String USERS = "users";
  static final String USER_IDENTITIES = "user_identities";

  /** The turn of read-write units: held from before a writer begins until it has ended. */
  private final ReentrantLock writerTurn = new ReentrantLock(true);
  private final long writerTimeoutNanos;
  /** The committed rows, frozen; replaced as a whole by each commit, under the writer turn. */
  private volatile Tables committed = Tables.empty();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();

  /** Guards the test hooks below. */
  private final Object hooks = new Object();
  private final Map<String, Integer> faults = new HashMap<>();
  private final Deque<TransactionalWork<?>> races = new ArrayDeque<>();
  private final List<PortCall> calls = new ArrayList<>();

  /** An empty database whose writers wait at most {@link #DEFAULT_WRITER_TIMEOUT}. */
  public InMemoryTransactions() {
    this(DEFAULT_WRITER_TIMEOUT);
  }

  /**
   * @param writerTimeout how long a read-write unit waits for the one before it, positive
   * @throws IllegalArgumentException when {@code writerTimeout} is not positive
   */
  public InMemoryTransactions(Duration writerTimeout) {
    if (writerTimeout.isNegative() || writerTimeout.isZero()) {
      throw new IllegalArgumentException("writerTimeout must be positive, was " + writerTimeout);
    }
    this.writerTimeoutNanos = writerTimeout.toNanos();
  }

  @Override
  public <T> T inTransaction(TransactionalWork<T> work) {
    Objects.requireNonNull(work, "work");
    awaitWriterTurn();
    try {
      return runUnit(work, false, true);
    } finally {
      writerTurn.unlock();
    }
  }

  @Override
  public <T> T readOnly(TransactionalWork<T> work) {
    Objects.requireNonNull(work, "work");
    return runUnit(work, true, false);
  }

  /**
   * Runs one unit of work; for a read-write unit the caller holds the writer turn.
   *
   * @param mayRace whether a pending race may run before the unit's first write
   * @throws IllegalStateException when the work returned normally after a port call failed
   */
  private <T> T runUnit(TransactionalWork<T> work, boolean readOnly, boolean mayRace) {
    InMemoryUnit unit = new InMemoryUnit(this, committed, readOnly, mayRace);
    T result;
    try {
      result = work.run(unit);
    } catch (Throwable failure) { // rethrown as it is: the work's own exceptions pass unchanged
      unit.end();
      ended(readOnly, false);
      throw failure;
    }
    unit.end();
    RuntimeException failure = unit.failure();
    if (failure != null) {
      ended(readOnly, false);
      throw new IllegalStateException("the unit of work returned normally after a call of it"
          + " failed (" + failure + "); rolled back, nothing was committed", failure);
    }
    Tables written = unit.written();
    if (written != null) {
      committed = written.freeze();
    }
    ended(readOnly, true);
    return result;
  }

  private void ended(boolean readOnly, boolean didCommit) {
    if (!readOnly) {
      (didCommit ? commits : rollbacks).incrementAndGet();
    }
  }

  private void awaitWriterTurn() {
    if (writerTurn.isHeldByCurrentThread()) {
      throw new IllegalStateException("a read-write unit of work is already open on this thread;"
          + " one begun inside it would wait for it to end (on SQLite until the busy timeout)");
    }
    try {
      if (!writerTurn.tryLock(writerTimeoutNanos, TimeUnit.NANOSECONDS)) {
        throw new QueryTimeoutException("other units of work held the write lock; waited "
            + Duration.ofNanos(writerTimeoutNanos) + " for this unit's turn", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryTimeoutException("interrupted while waiting for the write lock", e);
    }
  }

  /** @return the committed rows, frozen; for a unit that begins or rebases */
  Tables committed() {
    return committed;
  }

  /**
   * Deletes every row, as soon as no read-write unit is open (waiting at most the writer
   * timeout). Faults, races and the recorded port calls stay.
   */
  public void deleteAllRows() {
    awaitWriterTurn();
    try {
      committed = Tables.empty();
    } finally {
      writerTurn.unlock();
    }
  }

  /** @return how many read-write units committed (a race's intruder included) */
  public long commits() {
    return commits.get();
  }

  /** @return how many read-write units rolled back */
  public long rollbacks() {
    return rollbacks.get();
  }

  // ---- faults ---------------------------------------------------------------------------------

  /** A fault made by {@link #failStatementsOn}; closing it ends it. */
  public interface Fault extends AutoCloseable {
    /** Ends the fault, once; closing again does nothing. */
    @Override
    void close();
  }

  /**
   * Makes every port call that touches {@code table} fail with an
   * {@link UnexpectedDatabaseException} (an {@code InfrastructureException}), as the adapters do
   * for a table that cannot be used, until the fault is closed. A call touches the table it reads
   * or writes, a link also {@code users} (its foreign key), a delete of a user also
   * {@code user_identities} (the cascade). Calls that send no statement on the adapters (a bulk
   * method given nothing, {@code lockAll}, which needs no statement here) are not affected.
   *
   * @param table {@code users} or {@code user_identities}
   * @return the fault
   * @throws IllegalArgumentException for another table
   */
  public Fault failStatementsOn(String table) {
    if (!USERS.equals(table) && !USER_IDENTITIES.equals(table)) {
      throw new IllegalArgumentException("table: the in-memory database has only " + USERS
          + " and " + USER_IDENTITIES + ", not " + table);
    }
    synchronized (hooks) {
      faults.merge(table, 1, Integer::sum);
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        synchronized (hooks) {
          faults.computeIfPresent(table, (name, count) -> count == 1 ? null : count - 1);
        }
      }
    };
  }

  /**
   * @param tables the tables a port call is about to use
   * @throws UnexpectedDatabaseException when a fault holds one of them
   */
  void touch(Set<String> tables) {
    synchronized (hooks) {
      for (String table : tables) {
        if (faults.containsKey(table)) {
          throw new UnexpectedDatabaseException("table " + table + " cannot be used (a fault"
              + " injected into the in-memory database)", null);
        }
      }
    }
  }

  // ---- races ----------------------------------------------------------------------------------

  /**
   * Lets a concurrent writer commit at the worst moment for the next read-write unit that
   * writes: after that unit's reads, right before its first write or lock (the first call that a
   * read-only unit would refuse). {@code intruder} runs as a unit of its own and commits; the
   * unit then goes on from the latest commit, so a unique key the intruder took makes its write
   * fail (what PostgreSQL does when a concurrent writer commits between a unit's lookups and its
   * insert), while what it read before stays what it read. At most one race per unit; several
   * wait for the writing units that follow, in order. An intruder meets no race itself.
   *
   * @param intruder the concurrent writer's work, never null; what it throws fails the write
   */
  public void raceBeforeNextWrite(TransactionalWork<?> intruder) {
    Objects.requireNonNull(intruder, "intruder");
    synchronized (hooks) {
      races.add(intruder);
    }
  }

  /**
   * Runs the next race, if any, for a read-write unit (holding the writer turn) about to write
   * for the first time.
   *
   * @return whether an intruder committed
   */
  boolean runRace() {
    TransactionalWork<?> intruder;
    synchronized (hooks) {
      intruder = races.poll();
    }
    if (intruder == null) {
      return false;
    }
    runUnit(intruder, false, false);
    return true;
  }

  // ---- port calls -----------------------------------------------------------------------------

  void record(PortCall call) {
    synchronized (hooks) {
      calls.add(call);
    }
  }

  /** @return every port call received since the last {@link #clearPortCalls()}, in order */
  public List<PortCall> portCalls() {
    synchronized (hooks) {
      return List.copyOf(calls);
    }
  }

  /** @return the methods of {@link #portCalls()}, e.g. {@code users.findByIds} */
  public List<String> portCallMethods() {
    return portCalls().stream().map(PortCall::method).toList();
  }

  /** Forgets the port calls received so far. */
  public void clearPortCalls() {
    synchronized (hooks) {
      calls.clear();
    }
  }
}
