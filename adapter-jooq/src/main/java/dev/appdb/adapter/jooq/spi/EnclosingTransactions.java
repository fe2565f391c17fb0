package dev.appdb.adapter.jooq.spi;

import java.sql.Connection;
import java.util.Optional;

/**
 * Where a unit of work finds a transaction it runs inside instead of beginning its own: an
 * integration with a framework's transactions (Spring's, say) implements it and hands it to
 * {@code JooqDatabase.joinEnclosingTransactions}. Asked once per unit, on the unit's thread.
 *
 * <p>A unit that joins runs its statements on the enclosing transaction's connection and neither
 * commits nor rolls back: the enclosing transaction does, with everything else it did. appdb's
 * rules still hold: when a call of the unit fails, or the unit returns after one failed, the
 * enclosing transaction is marked rollback-only ({@link EnclosingTransaction#setRollbackOnly})
 * and the failure is thrown; a read-write unit inside a read-only transaction is refused at once.
 */
@FunctionalInterface
public interface EnclosingTransactions {

  /** No enclosing transactions: every unit begins its own. */
  EnclosingTransactions NONE = Optional::empty;

  /**
   * @return the transaction running on this thread on the database's own data source, if any
   */
  Optional<EnclosingTransaction> current();

  /** A transaction a unit of work joins. */
  interface EnclosingTransaction {

    /**
     * @return its connection, autocommit off, from the same data source as the database's
     *     pool; appdb neither closes it nor ends its transaction
     */
    Connection connection();

    /** @return whether the transaction is read-only (a read-write unit is then refused) */
    boolean readOnly();

    /** Marks the transaction so that it rolls back whatever its owner does next. */
    void setRollbackOnly();
  }
}
