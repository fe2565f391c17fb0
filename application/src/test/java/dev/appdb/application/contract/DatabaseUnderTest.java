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

  /** Closes the pool; the database itself may stay. */
  @Override
  void close();
}
