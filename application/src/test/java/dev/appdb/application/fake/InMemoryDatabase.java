package dev.appdb.application.fake;

import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;

/**
 * {@link InMemoryTransactions} as the contract suites' database: the same suites the adapters
 * pass run against the fake, so that the fake the use-case tests rely on behaves like the real
 * stores. It has no pool, no server and no schema: {@link #probe()} is unsupported, and
 * {@code lockAll} sends no statement (read-write units take turns, as on SQLite).
 */
final class InMemoryDatabase implements DatabaseUnderTest {

  private final InMemoryTransactions transactions = new InMemoryTransactions();

  @Override
  public Transactions transactions() {
    return transactions;
  }

  /** @throws UnsupportedOperationException always: there is no pool or schema to probe */
  @Override
  public DatabaseProbe probe() {
    throw new UnsupportedOperationException("the in-memory database has no pool, server or"
        + " schema to probe; ProbeContractTest does not run against it");
  }

  @Override
  public void deleteAllRows() {
    transactions.deleteAllRows();
    transactions.clearPortCalls();
  }

  /** The table is made unavailable by {@link InMemoryTransactions#failStatementsOn}. */
  @Override
  public Fault failStatementsOn(String table) {
    return transactions.failStatementsOn(table)::close;
  }

  /** @return false: a read-write unit excludes every other writer from its start */
  @Override
  public boolean locksRowsWithAStatement() {
    return false;
  }

  @Override
  public void close() {
    // nothing held
  }
}
