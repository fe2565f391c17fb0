package dev.appdb.domain.error;

/**
 * A snapshot of the connection pool, mirroring the seed's {@code get_pool_status()}.
 *
 * @param size connections currently open (idle + active)
 * @param checkedIn idle connections, ready for checkout
 * @param checkedOut connections in use by a unit of work
 * @param overflow open connections above the core pool size ({@code pool_size}); 0 when under
 * @param waiting threads blocked waiting for a connection
 * @param maximumSize the upper bound, {@code pool_size + max_overflow}
 */
public record PoolStatus(
    int size, int checkedIn, int checkedOut, int overflow, int waiting, int maximumSize) {

  @Override
  public String toString() {
    return "size=" + size + " checked_in=" + checkedIn + " checked_out=" + checkedOut
        + " overflow=" + overflow + " waiting=" + waiting + " max=" + maximumSize;
  }
}
