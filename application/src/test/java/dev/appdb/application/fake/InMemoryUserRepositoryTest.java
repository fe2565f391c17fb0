package dev.appdb.application.fake;

import dev.appdb.application.contract.UserRepositoryContractTest;
import dev.appdb.application.contract.DatabaseUnderTest;

/** {@link UserRepositoryContractTest} against the in-memory database. */
class InMemoryUserRepositoryTest extends UserRepositoryContractTest {

  @Override
  protected DatabaseUnderTest openDatabase(int poolSize) {
    return new InMemoryDatabase();
  }
}
