package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.UserRepositoryContractTest;

class PostgresUserRepositoryTest extends UserRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return PostgresTestDatabase.open(getClass().getSimpleName(), poolSize);
  }
}
