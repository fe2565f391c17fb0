package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.BulkRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

class PostgresBulkRepositoryTest extends BulkRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return PostgresTestDatabase.open(getClass().getSimpleName(), poolSize);
  }
}
