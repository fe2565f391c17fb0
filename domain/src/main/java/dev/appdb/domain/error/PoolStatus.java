package dev.appdb.domain.error;

import java.util.Locale;
import java.util.Objects;

/**
 * A snapshot of a connection pool, mirroring the seed's {@code get_pool_status()} and adding
 * what an operator needs to see a pool in trouble.
 *
 * @param pool the pool's name, e.g. {@code appdb}
 * @param size connections currently open (idle + active)
 * @param checkedIn idle connections, ready for checkout
 * @param checkedOut connections in use by a unit of work
 * @param overflow open connections above the core pool size ({@code pool_size}); 0 when under
 * @param waiting threads blocked waiting for a connection
 * @param maximumSize the upper bound, {@code pool_size + max_overflow}
 * @param invalid connections appdb discarded since the pool opened because they broke (a lost
 *     connection, a failed rollback, an unknown commit outcome)
 * @param checkouts checkouts that succeeded since the pool opened
 * @param checkoutTimeouts checkouts that gave up after the checkout timeout since the pool opened
 * @param meanWaitMillis the mean wait of a successful checkout since the pool opened, in
 *     milliseconds; 0 before the first
 */
public record PoolStatus(String pool, int size, int checkedIn, int checkedOut, int overflow,
    int waiting, int maximumSize, long invalid, long checkouts, long checkoutTimeouts,
    double meanWaitMillis) {

  /** @throws NullPointerException when {@code pool} is null */
  public PoolStatus {
    Objects.requireNonNull(pool, "pool");
  }

  @Override
  public String toString() {
    return "pool=" + pool + " size=" + size + " checked_in=" + checkedIn + " checked_out="
        + checkedOut + " overflow=" + overflow + " waiting=" + waiting + " max=" + maximumSize
        + " invalid=" + invalid + " checkouts=" + checkouts + " checkout_timeouts="
        + checkoutTimeouts + String.format(Locale.ROOT, " mean_wait_ms=%.3f",
            meanWaitMillis);
  }
}
