package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.TransactionsContractTest;

class PostgresTransactionsTest extends TransactionsContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return PostgresTestDatabase.open(getClass().getSimpleName(), poolSize);
  }
}
