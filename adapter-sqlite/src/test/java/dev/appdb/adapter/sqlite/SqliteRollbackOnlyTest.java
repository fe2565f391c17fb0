package dev.appdb.adapter.sqlite;

import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.RollbackOnlyContractTest;

class SqliteRollbackOnlyTest extends RollbackOnlyContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return SqliteTestDatabase.open(poolSize);
  }
}
