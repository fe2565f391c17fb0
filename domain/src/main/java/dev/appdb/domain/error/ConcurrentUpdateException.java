package dev.appdb.domain.error;

/**
 * An optimistic update carried a stale version: someone else changed the entity since it was
 * read. Nothing was overwritten; read again and reapply the change.
 */
public final class ConcurrentUpdateException extends AppdbException {

  private static final long serialVersionUID = 1L;

  /**
   * @param entity what was updated, e.g. {@code "user"}
   * @param key its id
   * @param expectedVersion the version the caller read and expected to replace
   */
  public ConcurrentUpdateException(String entity, Object key, long expectedVersion) {
    super(entity + " " + key + " was changed concurrently: version " + expectedVersion
        + " is no longer current");
  }

  /**
   * A conflict the database detected between whole transactions (deadlock, serialization
   * failure); retrying the unit of work is safe.
   *
   * @param detail what conflicted, without secrets
   */
  public ConcurrentUpdateException(String detail) {
    super(detail);
  }
}
