package dev.appdb.application.fake;

import dev.appdb.application.contract.FailedStatementContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link FailedStatementContractTest} against the in-memory database. */
class InMemoryFailedStatementTest extends FailedStatementContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
