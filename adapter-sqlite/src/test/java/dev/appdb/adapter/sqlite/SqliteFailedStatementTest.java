package dev.appdb.adapter.sqlite;

import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.FailedStatementContractTest;

class SqliteFailedStatementTest extends FailedStatementContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return SqliteTestDatabase.open(poolSize);
  }
}
