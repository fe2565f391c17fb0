package dev.appdb.application.fake;

import dev.appdb.application.contract.UseCasesContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link UseCasesContractTest} against the in-memory database. */
class InMemoryUseCasesTest extends UseCasesContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
