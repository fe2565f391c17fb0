package dev.appdb.application.fake;

import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One unit of work of {@link InMemoryTransactions}: its snapshot, its copy-on-write changes, its
 * repositories, and the rules every port call goes through ({@link #call}): none after the unit
 * ended, none after a port call failed (rollback-only), no writes in a read-only unit.
 */
final class InMemoryUnit implements UnitOfWork {

  private final InMemoryTransactions database;
  private final boolean readOnly;
  private final UserRepository users;
  private final UserIdentityRepository identities;
  /** The committed rows this unit reads, frozen. */
  private Tables snapshot;
  /** This unit's own copy once it wrote, else null. */
  private Tables written;
  /** Whether this unit may still meet a race: until its first write (or lock). */
  private boolean mayRace;
  private volatile boolean ended;
  private volatile RuntimeException failure;

  /**
   * @param mayRace whether a pending race may run before this unit's first write; false for
   *     read-only units and for a race's intruder
   */
  InMemoryUnit(InMemoryTransactions database, Tables snapshot, boolean readOnly,
      boolean mayRace) {
    this.database = database;
    this.snapshot = snapshot;
    this.readOnly = readOnly;
    this.mayRace = mayRace && !readOnly;
    this.users = new InMemoryUserRepository(this);
    this.identities = new InMemoryUserIdentityRepository(this);
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public UserIdentityRepository identities() {
    return identities;
  }

  @Override
  public <R> R repository(Class<R> port) {
    Objects.requireNonNull(port, "port");
    requireOpen();
    if (port == UserRepository.class) {
      return port.cast(users);
    }
    if (port == UserIdentityRepository.class) {
      return port.cast(identities);
    }
    throw new IllegalArgumentException("no repository is registered for " + port.getName()
        + "; the in-memory database has appdb's own only; registered: ["
        + UserIdentityRepository.class.getName() + ", " + UserRepository.class.getName() + "]");
  }

  /**
   * Runs one port call under the unit's rules; what it throws makes the unit rollback-only.
   *
   * @param method the port and method, e.g. {@code users.create}, for the record and errors
   * @param arguments the call's arguments, recorded
   * @param body the call
   * @return what {@code body} returned
   * @throws IllegalStateException when the unit has ended or an earlier call failed
   */
  synchronized <T> T call(String method, Object[] arguments, Supplier<T> body) {
    requireOpen();
    if (failure != null) {
      throw new IllegalStateException("an earlier call of this unit of work failed (" + failure
          + "); the unit will be rolled back: rethrow instead of continuing (validate before the"
          + " call, use a method that returns Optional, or start a new unit)", failure);
    }
    database.record(PortCall.of(method, readOnly, arguments));
    try {
      return body.get();
    } catch (RuntimeException thrown) {
      failure = thrown;
      throw thrown;
    } catch (Error thrown) {
      failure = new IllegalStateException(thrown.toString(), thrown);
      throw thrown;
    }
  }

  /** {@link #call} for a method that returns nothing. */
  void run(String method, Object[] arguments, Runnable body) {
    call(method, arguments, () -> {
      body.run();
      return null;
    });
  }

  private void requireOpen() {
    if (ended) {
      throw new IllegalStateException(
          "this unit of work has ended; use repositories only inside their transaction lambda");
    }
  }

  /**
   * The check before a write or a lock, in a port call: a read-only unit refuses it; a read-write
   * unit about to write (or lock) for the first time lets a pending race commit first, then reads
   * the latest commit, as under PostgreSQL's read committed (what it read before stays read).
   *
   * @throws IllegalStateException in a read-only unit
   */
  void requireWritable() {
    if (readOnly) {
      throw new IllegalStateException(
          "this unit of work is read-only; write inside Transactions.inTransaction instead");
    }
    if (mayRace) {
      mayRace = false;
      if (database.runRace()) { // this unit has no changes yet: nothing to carry over
        snapshot = database.committed();
      }
    }
  }

  /**
   * @param tables the tables the call is about to use
   * @throws dev.appdb.domain.error.UnexpectedDatabaseException when a fault holds one
   */
  void touch(String... tables) {
    database.touch(Set.of(tables));
  }

  /** @return the rows as this unit sees them: its snapshot plus its own writes */
  Tables read() {
    return written != null ? written : snapshot;
  }

  /** @return this unit's own copy of the rows, to write to; call {@link #requireWritable} first */
  Tables write() {
    if (written == null) {
      written = snapshot.copy();
    }
    return written;
  }

  /** Ends the unit: every later port call throws. Waits for a call in progress. */
  synchronized void end() {
    ended = true;
  }

  /** @return the first failure of a port call, or null */
  RuntimeException failure() {
    return failure;
  }

  /** @return the unit's changed rows, or null when it wrote nothing */
  Tables written() {
    return written;
  }
}
