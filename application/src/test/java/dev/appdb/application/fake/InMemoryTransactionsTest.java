package dev.appdb.application.fake;

import dev.appdb.application.contract.TransactionsContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link TransactionsContractTest} against the in-memory database. */
class InMemoryTransactionsTest extends TransactionsContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
