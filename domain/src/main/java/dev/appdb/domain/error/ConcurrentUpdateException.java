package dev.appdb.domain.error;

/**
 * An optimistic update carried a stale version: someone else changed the entity since it was
 * read. Nothing was overwritten; read again and reapply the change. Or the database found two
 * whole transactions in conflict (a deadlock, a serialization failure): see
 * {@link #transactionConflict()}.
 */
public final class ConcurrentUpdateException extends AppdbException {

  private static final long serialVersionUID = 1L;

  private final boolean transactionConflict;

  /**
   * @param entity what was updated, e.g. {@code "user"}
   * @param key its id
   * @param expectedVersion the version the caller read and expected to replace
   */
  public ConcurrentUpdateException(String entity, Object key, long expectedVersion) {
    super(entity + " " + key + " was changed concurrently: version " + expectedVersion
        + " is no longer current");
    this.transactionConflict = false;
  }

  /**
   * A conflict the database detected between whole transactions (deadlock, serialization
   * failure); retrying the unit of work is safe.
   *
   * @param detail what conflicted, without secrets
   */
  public ConcurrentUpdateException(String detail) {
    super(detail);
    this.transactionConflict = true;
  }

  /**
   * @return true when the database aborted the unit for a conflict with another transaction
   *     (PostgreSQL {@code 40001} serialization failure or {@code 40P01} deadlock; SQLite's busy
   *     snapshot): running the whole unit again is safe. False for a stale version, which the
   *     same input will meet again
   */
  public boolean transactionConflict() {
    return transactionConflict;
  }
}
