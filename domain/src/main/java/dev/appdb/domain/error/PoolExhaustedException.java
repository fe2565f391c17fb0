package dev.appdb.domain.error;

import java.util.Objects;

/**
 * No connection became free within the pool's checkout timeout (the seed's {@code pool_timeout},
 * HikariCP's {@code connectionTimeout}). Carries the pool's status at the moment of failure.
 */
public final class PoolExhaustedException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  private final PoolStatus status;

  /**
   * @param timeoutMillis the checkout timeout that expired, in milliseconds
   * @param status the pool's status when the timeout expired
   * @param cause the pool's own exception, may be null
   */
  public PoolExhaustedException(long timeoutMillis, PoolStatus status, Throwable cause) {
    super("pool " + status.pool() + ": no database connection free after " + timeoutMillis
        + " ms (" + status + ")", cause);
    this.status = Objects.requireNonNull(status, "status");
  }

  /** @return the pool's status when the checkout timed out */
  public PoolStatus status() {
    return status;
  }
}
