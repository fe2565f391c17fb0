package dev.appdb.adapter.jooq.pool;

import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;
import java.sql.Connection;

/** Hands out pooled connections for units of work. */
@FunctionalInterface
public interface ConnectionCheckout {

  /**
   * @return a validated connection in auto-commit mode; the caller must close it
   * @throws PoolExhaustedException when none was free within the checkout timeout
   * @throws DatabaseUnavailableException when no connection could be opened
   */
  Connection checkout();
}
