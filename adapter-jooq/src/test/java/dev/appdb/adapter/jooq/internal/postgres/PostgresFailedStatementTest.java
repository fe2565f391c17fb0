package dev.appdb.adapter.jooq.internal.postgres;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.contract.FailedStatementContractTest;
import java.time.Duration;

class PostgresFailedStatementTest extends FailedStatementContractTest {

  /** Statements wait for a lock another session holds; the timeout ends each wait. */
  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return PostgresTestDatabase.open(getClass().getSimpleName(), poolSize, Duration.ofSeconds(1));
  }
}
