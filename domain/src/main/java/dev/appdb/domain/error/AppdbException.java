package dev.appdb.domain.error;

/**
 * Root of the closed hierarchy of errors that appdb's ports raise. Both adapters (PostgreSQL and
 * SQLite) raise the same subtypes for the same situation; no {@code SQLException}, jOOQ
 * {@code DataAccessException} or driver message escapes an adapter untranslated.
 *
 * <p>The hierarchy:
 * <ul>
 *   <li>{@link ValidationException}: a value broke a rule of the domain (field and limit named);</li>
 *   <li>{@link DuplicateException}: a unique rule was broken (email, identity link, a service's
 *       unique key);</li>
 *   <li>{@link NotFoundException}: the addressed entity, or the row a foreign key refers to,
 *       does not exist;</li>
 *   <li>{@link ConcurrentUpdateException}: an optimistic version check failed;</li>
 *   <li>{@link StillReferencedException}: a row other rows still refer to cannot be deleted;</li>
 *   <li>{@link InfrastructureException}: the database could not do its part (unavailable, pool
 *       exhausted, query timeout, unexpected database error, a commit whose outcome is
 *       unknown).</li>
 * </ul>
 */
public abstract sealed class AppdbException extends RuntimeException
    permits ValidationException, DuplicateException, NotFoundException, ConcurrentUpdateException,
        StillReferencedException, InfrastructureException {

  private static final long serialVersionUID = 1L;

  AppdbException(String message) {
    super(message);
  }

  AppdbException(String message, Throwable cause) {
    super(message, cause);
  }
}
