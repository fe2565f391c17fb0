package dev.appdb.adapter.jooq.spi;

import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;
import java.sql.Connection;

/** Hands out pooled connections for units of work. */
public interface ConnectionCheckout {

  /**
   * @return a validated connection in auto-commit mode; the caller must close it
   * @throws PoolExhaustedException when none was free within the checkout timeout
   * @throws DatabaseUnavailableException when no connection could be opened
   */
  Connection checkout();

  /**
   * Marks a checked-out connection as broken and gives it back: the pool closes it at once and
   * never hands it out again (for example after a failed rollback left a transaction open). The
   * caller must not close it afterwards (HikariCP fails on a second close of an evicted
   * connection).
   *
   * @param connection a connection from {@link #checkout}
   */
  void evict(Connection connection);
}
