package dev.appdb.application.fake;

import dev.appdb.application.contract.RollbackOnlyContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link RollbackOnlyContractTest} against the in-memory database. */
class InMemoryRollbackOnlyTest extends RollbackOnlyContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
