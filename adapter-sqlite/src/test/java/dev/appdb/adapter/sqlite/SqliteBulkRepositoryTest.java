package dev.appdb.adapter.sqlite;

import dev.appdb.application.contract.BulkRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

class SqliteBulkRepositoryTest extends BulkRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return SqliteTestDatabase.open(poolSize);
  }
}
