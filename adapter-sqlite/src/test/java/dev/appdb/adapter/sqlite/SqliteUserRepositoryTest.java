package dev.appdb.adapter.sqlite;

import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.UserRepositoryContractTest;

class SqliteUserRepositoryTest extends UserRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return SqliteTestDatabase.open(poolSize);
  }
}
