package dev.appdb.application.contract;

import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;

/** A real, migrated database that an adapter's test hands to the contract suites. */
public interface DatabaseUnderTest extends AutoCloseable {

  /** @return the adapter's unit-of-work port */
  Transactions transactions();

  /** @return the adapter's probe */
  DatabaseProbe probe();

  /** Deletes every row of every appdb table, so each test starts empty. */
  void deleteAllRows();

  /**
   * Makes every statement that touches {@code table} fail for real, with the database's own
   * error, until the returned fault is closed. PostgreSQL: another session holds an
   * {@code ACCESS EXCLUSIVE} lock on it, so statements wait and the statement timeout cancels
   * them ({@code 57014}); open the database with a short statement timeout. SQLite: the table is
   * renamed away, so statements fail with "no such table". Taken before the unit of work begins.
   *
   * @param table an appdb table, e.g. {@code "users"}
   * @return the fault; closing it restores the table
   */
  Fault failStatementsOn(String table);

  /**
   * @return whether {@code UserRepository.lockAll} sends a statement (false on SQLite, where a
   *     writing unit already holds the database's write lock)
   */
  default boolean locksRowsWithAStatement() {
    return true;
  }

  /** A fault injected into the database; {@link #close} ends it. */
  interface Fault extends AutoCloseable {
    /** Ends the fault; the database works as before. */
    @Override
    void close();
  }

  /** Closes the pool; the database itself may stay. */
  @Override
  void close();
}
