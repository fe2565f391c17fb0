package dev.appdb.application.fake;

import dev.appdb.application.contract.BulkRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link BulkRepositoryContractTest} against the in-memory database. */
class InMemoryBulkRepositoryTest extends BulkRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
